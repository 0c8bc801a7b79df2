package dev.capstan.features.commands;

import dev.capstan.command.Block;
import dev.capstan.command.Reply;
import dev.capstan.platform.Durations;
import dev.capstan.security.SecretMask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one channel message of a run, version by version: the ack while it starts, queued, running #N with a link, then
 * the result with its duration (or what failed). Every text passes the secret mask; a result too long for one message
 * is cut and says what was cut.
 */
final class RunMessage {
    /** What one Slack section shows at most (Slack allows 3,000 characters). */
    static final int SHOWN = 2800;

    private RunMessage() {
    }

    static Reply starting(Run run, String ack) {
        return message(ack, run, ":hourglass_flowing_sand: starting");
    }

    static Reply queued(Run run, String ack) {
        return message(ack, run, ":hourglass_flowing_sand: queued in Jenkins");
    }

    static Reply running(Run run, String ack, String url, int number) {
        return message(ack, run, ":arrow_forward: running <" + url + "|#" + number + ">");
    }

    static Reply task(Run run, String ack, String taskId) {
        return message(ack, run, ":arrow_forward: ECS task `" + taskId + "` started");
    }

    static Reply following(Run run, String ack) {
        return message(ack, run, ":hourglass_flowing_sand: accepted; waiting for it to finish");
    }

    /** The result, cut to what fits, with {@code note} (what was cut and where the rest is) when it was. */
    static Reply finished(Run run, String result, boolean ok, String outcome, Duration took, String note) {
        String status = (ok ? ":white_check_mark: " : ":x: ") + outcome + " in " + Durations.format(took);
        return message(cut(result) + (note == null ? "" : "\n_" + note + "_"), run, status);
    }

    static Reply failed(Run run, String why) {
        return message(":x: `" + run.display() + "` failed: " + why, run, ":x: failed");
    }

    /** Whether a result needs cutting. */
    static boolean tooLong(String result) {
        return SecretMask.mask(result).length() > SHOWN;
    }

    private static String cut(String text) {
        String masked = SecretMask.mask(text);
        return masked.length() <= SHOWN ? masked : masked.substring(0, SHOWN) + "…";
    }

    private static Reply message(String text, Run run, String status) {
        String masked = SecretMask.mask(text);
        String footer = "`" + SecretMask.mask(run.display()) + "` · <@" + run.userId() + "> · " + status;
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(masked.isBlank() ? " " : masked));
        blocks.add(new Block.Context(footer));
        return Reply.blocks(masked + "\n" + footer, blocks).inChannel();
    }
}
