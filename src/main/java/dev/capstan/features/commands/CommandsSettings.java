package dev.capstan.features.commands;

import java.time.Duration;

/**
 * The family's settings ({@code families.commands}): how often a run asks Jenkins or a 202's Location how it is going,
 * and how often each replica looks whether the configuration file changed.
 */
record CommandsSettings(Duration pollEvery, Duration watchEvery) {
    CommandsSettings {
        pollEvery = pollEvery == null ? Duration.ofSeconds(5) : pollEvery;
        watchEvery = watchEvery == null ? Duration.ofSeconds(2) : watchEvery;
        if (pollEvery.compareTo(Duration.ofMillis(50)) < 0) throw new IllegalArgumentException("poll_every must be 50ms or more");
        if (watchEvery.compareTo(Duration.ofMillis(50)) < 0) throw new IllegalArgumentException("watch_every must be 50ms or more");
    }
}
