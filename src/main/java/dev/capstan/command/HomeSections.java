package dev.capstan.command;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The parts of each person's Home tab, one per family in the order they registered, and the signal that a person's Home
 * changed; free of Slack types, so the platform assembles and publishes while the families stay unaware of each other.
 */
public final class HomeSections {
    /** The blocks one family shows a person on their Home tab; empty when it has nothing for them. */
    @FunctionalInterface
    public interface Section {
        List<Block> blocks(String userId) throws Exception;
    }

    /** A family's section. */
    public record Part(String family, Section section) { }

    private final List<Part> parts = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> publisher = userId -> { };

    public void add(String family, Section section) {
        parts.add(new Part(family, section));
    }

    public List<Part> parts() {
        return List.copyOf(parts);
    }

    /** Something on this person's Home changed: it is published again (throttled per person across replicas). */
    public void changed(String userId) {
        if (userId != null && !userId.isBlank()) publisher.accept(userId);
    }

    /** Who publishes when {@link #changed} is called; set once by the wiring. */
    public void publishWith(Consumer<String> publisher) {
        this.publisher = publisher;
    }
}
