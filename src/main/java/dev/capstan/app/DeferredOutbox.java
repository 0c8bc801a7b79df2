package dev.capstan.app;

import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;

/** Lets families hold the outbox at registration, before the job queue (which needs their schedules) exists. */
final class DeferredOutbox implements Outbox {
    private volatile Outbox target;

    void connect(Outbox target) {
        this.target = target;
    }

    @Override
    public void send(Destination destination, Reply reply) {
        Outbox current = target;
        if (current == null) throw new IllegalStateException("The outbox is used before start-up finished");
        current.send(destination, reply);
    }
}
