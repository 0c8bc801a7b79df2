package dev.capstan.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which family wants which Events API event type; also tells the app manifest what to subscribe to. */
public final class EventSubscriptions {
    /** Reacts to one event; must be quick (queue anything that calls out through the outbox). */
    @FunctionalInterface
    public interface Handler {
        void handle(WorkspaceEvent event) throws Exception;
    }

    private final Map<String, List<Handler>> handlers = new ConcurrentHashMap<>();

    public void on(String type, Handler handler) {
        handlers.computeIfAbsent(type, t -> new ArrayList<>()).add(handler);
    }

    public List<Handler> handlersFor(String type) {
        return handlers.getOrDefault(type, List.of());
    }

    public Set<String> types() {
        return Set.copyOf(handlers.keySet());
    }
}
