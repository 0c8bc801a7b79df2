package dev.capstan.features.commands;

import dev.capstan.command.Block;
import dev.capstan.command.Reply;
import dev.capstan.platform.Durations;
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

    static Reply starting(Secrets secrets, Run run, String ack) {
        return message(secrets, ack, run, ":hourglass_flowing_sand: starting");
    }

    static Reply queued(Secrets secrets, Run run, String ack) {
        return message(secrets, ack, run, ":hourglass_flowing_sand: queued in Jenkins");
    }

    static Reply running(Secrets secrets, Run run, String ack, String url, int number) {
        return message(secrets, ack, run, ":arrow_forward: running <" + url + "|#" + number + ">");
    }

    static Reply task(Secrets secrets, Run run, String ack, String taskId) {
        return message(secrets, ack, run, ":arrow_forward: ECS task `" + taskId + "` started");
    }

    static Reply following(Secrets secrets, Run run, String ack) {
        return message(secrets, ack, run, ":hourglass_flowing_sand: accepted; waiting for it to finish");
    }

    /** The result, cut to what fits, with {@code note} (what was cut and where the rest is) when it was. */
    static Reply finished(Secrets secrets, Run run, String result, boolean ok, String outcome, Duration took, String note) {
        String status = (ok ? ":white_check_mark: " : ":x: ") + outcome + " in " + Durations.format(took);
        return message(secrets, cut(secrets, result) + (note == null ? "" : "\n_" + note + "_"), run, status);
    }

    static Reply failed(Secrets secrets, Run run, String why) {
        return message(secrets, ":x: `" + run.display() + "` failed: " + why, run, ":x: failed");
    }

    /** Whether a result needs cutting. */
    static boolean tooLong(Secrets secrets, String result) {
        return secrets.masked(result).length() > SHOWN;
    }

    private static String cut(Secrets secrets, String text) {
        String masked = secrets.masked(text);
        return masked.length() <= SHOWN ? masked : masked.substring(0, SHOWN) + "…";
    }

    private static Reply message(Secrets secrets, String text, Run run, String status) {
        String masked = secrets.masked(text);
        String footer = "`" + secrets.masked(run.display()) + "` · <@" + run.userId() + "> · " + status;
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(masked.isBlank() ? " " : masked));
        blocks.add(new Block.Context(footer));
        return Reply.blocks(masked + "\n" + footer, blocks).inChannel();
    }
}
