package dev.capstan.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which family wants which event of which source ("github" push, "circleci" workflow-completed, "jenkins" any with "*"). */
public final class WebhookSubscriptions {
    /** One subscriber of a source's event. */
    public record Subscription(String family, String source, String event, WebhookHandler handler) { }

    private final Map<String, List<Subscription>> bySource = new ConcurrentHashMap<>();

    public void subscribe(String family, String source, String event, WebhookHandler handler) {
        String key = source.toLowerCase(Locale.ROOT);
        bySource.computeIfAbsent(key, s -> new ArrayList<>()).add(new Subscription(family, key, event, handler));
    }

    /** Subscribers of this event, in registration order; "*" subscribers get every event of their source. */
    public List<Subscription> subscribers(String source, String event) {
        return bySource.getOrDefault(source.toLowerCase(Locale.ROOT), List.of()).stream()
                .filter(s -> s.event().equals("*") || s.event().equalsIgnoreCase(event)).toList();
    }

    public List<Subscription> all() {
        return bySource.values().stream().flatMap(List::stream).toList();
    }
}
