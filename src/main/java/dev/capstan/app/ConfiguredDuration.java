package dev.capstan.app;

import dev.capstan.platform.Durations;
import java.time.Duration;
import java.util.List;

/** A duration the YAML file may set under {@code key}, never shorter than {@code shortest} (as the README writes it). */
record ConfiguredDuration(String key, Duration shortest, String shortestAsWritten) {
    /** {@code text} read, {@code fallback} when unset, or {@code fallback} and a problem when it cannot be. */
    Duration read(String text, Duration fallback, List<String> problems) {
        if (text == null) return fallback;
        try {
            Duration value = Durations.parse(text);
            if (value.compareTo(shortest) >= 0) return value;
            problems.add(key + " must be at least " + shortestAsWritten + ", not " + text);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
        }
        return fallback;
    }
}
