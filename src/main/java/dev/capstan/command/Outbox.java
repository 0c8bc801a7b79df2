package dev.capstan.command;

/** Sends replies out of the request (DMs, channel posts, late replies) durably: delivery runs as a retried job. */
public interface Outbox {
    void send(Destination destination, Reply reply);
}
