package dev.capstan.jobs;

import java.time.Duration;

/** How eagerly workers poll and how soon a dead replica's jobs are taken over. */
public record JobSettings(Duration pollingInterval, Duration heartbeatInterval, int missedHeartbeats, int threads,
                          int maxRetries, Duration firstRetryDelay) {
    public static JobSettings defaults() {
        return new JobSettings(Duration.ofSeconds(1), Duration.ofSeconds(5), 4, 8, 5, Duration.ofSeconds(2));
    }
}
