package dev.capstan.features.commands;

import dev.capstan.command.SlackChannelId;
import java.time.Duration;

/**
 * The family's settings ({@code families.commands}): how often a run asks Jenkins or a 202's Location how it is going,
 * how often each replica looks whether the configuration file changed, and where a refused change of it is told
 * ({@code audit_channel}; the admins by DM without one).
 */
record CommandsSettings(Duration pollEvery, Duration watchEvery, SlackChannelId auditChannel) {
    CommandsSettings {
        pollEvery = pollEvery == null ? Duration.ofSeconds(5) : pollEvery;
        watchEvery = watchEvery == null ? Duration.ofSeconds(2) : watchEvery;
        if (pollEvery.compareTo(Duration.ofMillis(50)) < 0) throw new IllegalArgumentException("poll_every must be 50ms or more");
        if (watchEvery.compareTo(Duration.ofMillis(50)) < 0) throw new IllegalArgumentException("watch_every must be 50ms or more");
    }
}
