package dev.capstan.features.commands;

import dev.capstan.command.Caller;
import dev.capstan.command.Reply;
import dev.capstan.jobs.JobType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Starts a run once the caller passed every check: takes the concurrency key, queues the durable job once per Slack
 * request (a redelivered slash command, same trigger_id, finds its run already there), and posts the run's message.
 */
final class StartRun {
    /** How long past its own timeout a vanished run may hold its key. */
    private static final Duration KEY_GRACE = Duration.ofMinutes(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final CommandServices services;
    private final JobType<Run> runs;

    StartRun(CommandServices services, JobType<Run> runs) {
        this.services = services;
        this.runs = runs;
    }

    /** {@code requestKey} names the Slack request (its trigger_id), so that the same request never starts two runs. */
    Reply start(Declaration declaration, Map<String, String> arguments, Caller caller, String display, String requestKey) {
        Variables values = services.variables(declaration.name(), arguments, caller.userId(), caller.channelId(), false);
        String ack = ack(declaration, values);
        String runId = UUID.nameUUIDFromBytes(requestKey.getBytes(StandardCharsets.UTF_8)).toString();
        Instant now = services.clock().instant();
        String lockKey = declaration.policy().concurrency() == null ? null
                : declaration.policy().concurrency().render(values::variable, n -> "", UnaryOperator.identity());
        Run run = new Run(runId, declaration.name(), arguments, caller.userId(), caller.channelId(), display, lockKey, now,
                now.plus(declaration.action().timeout()), Run.Stage.START, null, null, 1);
        if (lockKey != null) {
            Optional<ConcurrencyLocks.Holder> holder = services.locks().acquire(lockKey, runId, declaration.name(), caller.userId(),
                    run.deadline().plus(KEY_GRACE));
            if (holder.isPresent() && holder.get().runId().equals(runId)) return Reply.text(ack);
            if (holder.isPresent()) return busy(lockKey, holder.get());
        }
        boolean queued;
        try {
            queued = runs.enqueueOnce("run:" + requestKey, run);
        } catch (RuntimeException e) {
            if (lockKey != null) services.locks().release(lockKey, runId);
            throw e;
        }
        if (!queued) {
            if (lockKey != null) services.locks().release(lockKey, runId);
            return Reply.text(ack);
        }
        services.messages().show(run.messageKey(), caller.channelId(), run.version(), RunMessage.starting(services.secrets(), run, ack));
        return Reply.text(ack);
    }

    static String ack(Declaration declaration, Variables values) {
        return declaration.replies().ack().render(values::variable, n -> "", Encoding::mrkdwn);
    }

    private static Reply busy(String key, ConcurrencyLocks.Holder holder) {
        return Reply.text(":no_entry: `" + holder.command() + "` is already running for `" + Encoding.mrkdwn(key) + "`, started by <@"
                + holder.userId() + "> at " + TIME.format(holder.since()) + ". One run per key at a time: try again when it has finished.");
    }
}
