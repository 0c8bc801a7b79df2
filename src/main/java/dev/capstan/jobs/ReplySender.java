package dev.capstan.jobs;

import dev.capstan.command.Destination;
import dev.capstan.command.Reply;

/** Delivers a reply to Slack; throwing makes the delivery job retry with backoff. */
public interface ReplySender {
    /** Which of a reply's Slack messages Slack already accepted: asked before each one is sent, told right after. */
    interface Accepted {
        boolean already(int message);

        /**
         * Slack accepted message {@code message} in {@code channel} (a user id or a channel; null for a response_url), as
         * {@code ts}; {@code last} when no message of the reply comes after it.
         */
        void record(int message, boolean last, String channel, String ts);
    }

    /**
     * Sends the reply's Slack messages from number {@code skipMessages} on (the ones before went into the ack), leaving
     * out each that {@code accepted} already has and recording each one Slack accepts the moment it does.
     */
    void send(Destination destination, Reply reply, int skipMessages, Accepted accepted) throws Exception;
}
