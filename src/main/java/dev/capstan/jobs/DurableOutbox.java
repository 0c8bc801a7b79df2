package dev.capstan.jobs;

import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Replies sent out of the request (late replies, DMs, channel posts) as durable, retried delivery jobs. */
public final class DurableOutbox implements Outbox {
    private static final Logger log = LoggerFactory.getLogger(DurableOutbox.class);

    /** One delivery: where, what, and how many of the reply's Slack messages were already sent in the ack. */
    public record DeliveryJob(Destination destination, Reply reply, int skipMessages) { }

    private final JobType<DeliveryJob> deliveries;

    public DurableOutbox(Jobs jobs, ReplySender sender) {
        this.deliveries = jobs.define("deliver-reply", DeliveryJob.class,
                JobOptions.retrying(jobs.settings(), (run, failure) ->
                        log.error("Gave up delivering a reply to {}: {}", describe(run.data().destination()), failure.sentence())),
                run -> {
                    sender.send(run.data().destination(), run.data().reply(), run.data().skipMessages());
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

    private static String describe(Destination destination) {
        if (destination instanceof Destination.DirectMessage dm) return "user " + dm.userId();
        if (destination instanceof Destination.Channel channel) return "channel " + channel.channelId();
        return "a response_url";
    }
}
