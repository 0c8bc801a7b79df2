package dev.capstan.command;

import java.time.Clock;

/**
 * Runs a command line as if a person had typed it after {@code /capstan} in a channel (a form on Home that builds the
 * line): the same pipeline, policy and audit, with its reply sent to the response_url Slack gave for that channel.
 */
public final class CommandRunner {
    private static final String MAIN_COMMAND = "/capstan";

    private final CommandPipeline pipeline;
    private final Outbox outbox;
    private final Clock clock;

    public CommandRunner(CommandPipeline pipeline, Outbox outbox, Clock clock) {
        this.pipeline = pipeline;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Runs {@code line} (without {@code /capstan}) as {@code userId} in {@code channelId}; the reply goes to {@code responseUrl}. */
    public void runAsTyped(String userId, String channelId, String line, String responseUrl) {
        Invocation invocation = new Invocation(MAIN_COMMAND, line, userId, null, channelId, null, responseUrl, null, clock.instant());
        Reply reply = pipeline.handle(invocation);
        outbox.send(new Destination.ResponseUrl(responseUrl, userId, invocation.receivedAt()), reply);
    }
}
