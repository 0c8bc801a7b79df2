package dev.capstan.jobs;

import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies sent out of the request (late replies, DMs, channel posts) as durable, retried delivery jobs. A send made by a
 * running job is keyed by that run, so a re-run job queues nothing twice; each Slack message a delivery sends is
 * recorded the moment Slack accepts it, so a re-run delivery sends only what had not arrived.
 */
public final class DurableOutbox implements Outbox {
    private static final Logger log = LoggerFactory.getLogger(DurableOutbox.class);

    /** One delivery: where, what, and how many of the reply's Slack messages were already sent in the ack. */
    public record DeliveryJob(Destination destination, Reply reply, int skipMessages) { }

    private final Jobs jobs;
    private final ReplySender sender;
    private final SentMessages sent;
    private final JobType<DeliveryJob> deliveries;

    public DurableOutbox(Jobs jobs, ReplySender sender, Jdbi jdbi, Clock clock) {
        this.jobs = jobs;
        this.sender = sender;
        this.sent = new SentMessages(jdbi, clock);
        this.deliveries = jobs.define("deliver-reply", DeliveryJob.class,
                JobOptions.retrying(jobs.settings(), (run, failure) ->
                        log.error("Gave up delivering a reply to {}: {}", describe(run.data().destination()), failure.sentence())),
                run -> {
                    sender.send(run.data().destination(), run.data().reply(), run.data().skipMessages(), sent.of(run.id(), run.firstPick()));
                    return JobResult.done();
                });
    }

    @Override
    public void send(Destination destination, Reply reply) {
        sendRest(destination, reply, 0);
    }

    /** Sends what did not fit into an ack: the reply's Slack messages after the first {@code skipMessages}. */
    public void sendRest(Destination destination, Reply reply, int skipMessages) {
        deliveries.enqueue(new DeliveryJob(destination, reply, skipMessages));
    }

    /** Sends the reply unless one was ever sent under {@code key}; false when it was. */
    @Override
    public boolean sendOnce(String key, Destination destination, Reply reply) {
        return deliveries.enqueueOnce(key, new DeliveryJob(destination, reply, 0));
    }

    /**
     * Sends a reply now, from the job that decided it and saved it in its own row: each message but the last is recorded
     * under {@code key} as Slack accepts it, the last by the job's completion. {@code firstTry} when no run could have
     * sent any of it yet, so nothing is looked up. Throws for the job to retry the send.
     */
    void sendFromJob(String key, Destination destination, Reply reply, boolean firstTry) throws Exception {
        sender.send(destination, reply, 0, sent.of(key, firstTry, false));
    }

    /** Whether a reply was queued under {@code key}: it is then delivered, or being delivered, whatever happens to its sender. */
    public boolean queued(String key) {
        return jobs.enqueuedOnce(deliveries, key);
    }

    /** Forgets at most {@code batch} records of sent messages older than {@code before}: the retention schedule's part. */
    public int forgetSentBefore(Instant before, int batch) {
        return sent.forgetBefore(before, batch);
    }

    private static String describe(Destination destination) {
        if (destination instanceof Destination.DirectMessage dm) return "user " + dm.userId();
        if (destination instanceof Destination.Channel channel) return "channel " + channel.channelId();
        if (destination instanceof Destination.Ephemeral shown) return "user " + shown.userId() + " in channel " + shown.channelId();
        return "a response_url";
    }
}
