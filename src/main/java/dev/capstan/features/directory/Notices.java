package dev.capstan.features.directory;

import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import dev.capstan.slack.SlackWebApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service notices for the admins, in SLACK_NOTIFICATION_CHANNEL when it is set (a channel id or {@code #name}), always in
 * the log: what GitHub's webhooks changed, sync problems, refused deliveries.
 */
final class Notices {
    private static final Logger log = LoggerFactory.getLogger(Notices.class);
    private final String channel;
    private final Outbox outbox;
    private final SlackWebApi slack;

    Notices(String channel, Outbox outbox, SlackWebApi slack) {
        this.channel = channel;
        this.outbox = outbox;
        this.slack = slack;
    }

    /** A notice sent through the outbox, in the caller's transaction: it goes out only when the change is kept. */
    void post(String text) {
        log.info("Directory notice: {}", text);
        if (channel != null) outbox.send(new Destination.Channel(channel), Reply.text(text));
    }

    /**
     * A notice about work that is being undone (a refused webhook delivery, whose writes roll back with it), so it cannot
     * ride on the outbox; posted at once, and a failure to post is only logged.
     */
    void postNow(String text) {
        log.info("Directory notice: {}", text);
        if (channel == null) return;
        try {
            slack.call("chat.postMessage", m -> m.chatPostMessage(r -> r.channel(channel).text(text)));
        } catch (Exception e) {
            log.warn("Could not post a directory notice to {}: {}", channel, e.getMessage());
        }
    }
}
