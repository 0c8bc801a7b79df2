package dev.capstan.jobs;

import dev.capstan.command.Destination;
import dev.capstan.command.Reply;

/** Delivers a reply to Slack; throwing makes the delivery job retry with backoff. */
public interface ReplySender {
    /** Sends the reply, skipping its first {@code skipMessages} Slack messages (already sent in the ack). */
    void send(Destination destination, Reply reply, int skipMessages) throws Exception;
}
