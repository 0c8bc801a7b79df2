package dev.capstan.features.deploy;

import com.slack.api.methods.response.users.UsersConversationsResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import dev.capstan.slack.SlackWebApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels a person is in (Slack's {@code users.conversations}), remembered for a minute so that publishing a Home
 * again does not ask Slack each time; when Slack does not answer, none (the Home shows what it can without them).
 */
final class MyChannels {
    static final Duration KEPT = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(MyChannels.class);

    private record Known(List<String> channels, Instant until) { }

    private final SlackWebApi slack;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    MyChannels(SlackWebApi slack, Clock clock) {
        this.slack = slack;
        this.clock = clock;
    }

    List<String> of(String userId) {
        Instant now = clock.instant();
        Known hit = known.get(userId);
        if (hit != null && now.isBefore(hit.until())) return hit.channels();
        known.values().removeIf(k -> !now.isBefore(k.until()));
        try {
            List<String> channels = ask(userId);
            known.put(userId, new Known(channels, now.plus(KEPT)));
            return channels;
        } catch (Exception e) {
            log.warn("Slack did not list the channels of {}: {}", userId, e.getMessage());
            return List.of();
        }
    }

    private List<String> ask(String userId) throws Exception {
        List<String> channels = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            UsersConversationsResponse response = slack.call("users.conversations", m -> m.usersConversations(r -> r.user(userId)
                    .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                    .excludeArchived(true).limit(200).cursor(page)));
            response.getChannels().stream().map(Conversation::getId).forEach(channels::add);
            cursor = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return List.copyOf(channels);
    }
}
