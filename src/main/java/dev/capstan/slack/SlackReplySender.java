package dev.capstan.slack;

import com.slack.api.Slack;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import dev.capstan.command.Destination;
import dev.capstan.command.Reply;
import dev.capstan.jobs.ReplySender;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends late replies: through the response_url while it is valid (30 minutes, 5 uses), else as a DM from the bot;
 * DMs and channel posts through chat.postMessage, a message for one person in a channel through chat.postEphemeral. Each message Slack accepts is recorded at once, and one already
 * recorded is not sent again. Failures throw so that the delivery job retries.
 */
public final class SlackReplySender implements ReplySender {
    private static final Logger log = LoggerFactory.getLogger(SlackReplySender.class);
    static final Duration RESPONSE_URL_LIFETIME = Duration.ofMinutes(30);
    private static final int RESPONSE_URL_USES = 5;
    private static final int MAX_POSTED_MESSAGES = 20;

    private final Slack slack;
    private final SlackWebApi web;
    private final BlockKitRenderer renderer;
    private final Clock clock;

    public SlackReplySender(Slack slack, SlackWebApi web, BlockKitRenderer renderer, Clock clock) {
        this.slack = slack;
        this.web = web;
        this.renderer = renderer;
        this.clock = clock;
    }

    @Override
    public void send(Destination destination, Reply reply, int skipMessages, Accepted accepted) throws Exception {
        if (destination instanceof Destination.ResponseUrl url) {
            sendToResponseUrl(url, reply, skipMessages, accepted);
        } else if (destination instanceof Destination.DirectMessage dm) {
            post(dm.userId(), reply, skipMessages, accepted);
        } else if (destination instanceof Destination.Channel channel) {
            post(channel.channelId(), reply, skipMessages, accepted);
        } else if (destination instanceof Destination.Ephemeral shown) {
            postEphemeral(shown, reply, skipMessages, accepted);
        }
    }

    private void sendToResponseUrl(Destination.ResponseUrl destination, Reply reply, int skip, Accepted accepted) throws Exception {
        boolean expired = destination.url() == null || destination.url().isBlank()
                || (destination.issuedAt() != null
                && clock.instant().isAfter(destination.issuedAt().plus(RESPONSE_URL_LIFETIME)));
        if (!expired) {
            List<SlackMessage> messages = renderer.render(reply, RESPONSE_URL_USES);
            for (int i = skip; i < messages.size(); i++) {
                if (accepted.already(i)) continue;
                String body = SlackJson.message(messages.get(i), reply.visibility(), i == 0 ? reply.replaceOriginal() : Boolean.FALSE);
                WebhookResponse response = slack.send(destination.url(), body);
                if (response.getCode() == 404 || response.getCode() == 410 || gone(response.getBody())) {
                    expired = true;
                    break;
                }
                if (response.getCode() >= 300) {
                    throw new IOException("response_url answered " + response.getCode());
                }
                accepted.record(i, i == messages.size() - 1, null, null);
            }
        }
        if (expired) {
            if (destination.userId() == null) {
                log.warn("A response_url expired and there is nobody to DM instead; the reply is dropped");
                return;
            }
            post(destination.userId(), reply, skip, accepted);
        }
    }

    private static boolean gone(String body) {
        return body != null && (body.contains("expired_url") || body.contains("used_url"));
    }

    private void postEphemeral(Destination.Ephemeral shown, Reply reply, int skip, Accepted accepted) throws Exception {
        List<SlackMessage> messages = renderer.render(reply, MAX_POSTED_MESSAGES);
        for (int i = skip; i < messages.size(); i++) {
            if (accepted.already(i)) continue;
            SlackMessage message = messages.get(i);
            ChatPostEphemeralResponse posted = web.call("chat.postEphemeral", m -> m.chatPostEphemeral(r -> {
                r.channel(shown.channelId()).user(shown.userId()).text(message.text());
                if (!message.blocks().isEmpty()) r.blocks(message.blocks());
                return r;
            }));
            accepted.record(i, i == messages.size() - 1, shown.channelId(), posted.getMessageTs());
        }
    }

    private void post(String channel, Reply reply, int skip, Accepted accepted) throws Exception {
        List<SlackMessage> messages = renderer.render(reply, MAX_POSTED_MESSAGES);
        for (int i = skip; i < messages.size(); i++) {
            if (accepted.already(i)) continue;
            SlackMessage message = messages.get(i);
            ChatPostMessageResponse posted = web.call("chat.postMessage", m -> m.chatPostMessage(r -> {
                r.channel(channel).text(message.text());
                if (!message.blocks().isEmpty()) r.blocks(message.blocks());
                return r;
            }));
            accepted.record(i, i == messages.size() - 1, channel, posted.getTs());
        }
    }
}
