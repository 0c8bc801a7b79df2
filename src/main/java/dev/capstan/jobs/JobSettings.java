package dev.capstan.jobs;

import java.time.Duration;

/** How eagerly workers poll, how many there are, and how soon a dead replica's jobs are taken over. */
public record JobSettings(Duration pollingInterval, Duration heartbeatInterval, int missedHeartbeats, int threads,
                          int maxRetries, Duration firstRetryDelay) {
    /**
     * Two workers a core, at least four: more workers than cores only queue up for the same database locks and CPU
     * (measured in docs/benchmarks.md), while a few spare ones keep jobs that wait on GitHub or Jenkins from blocking the rest.
     * As many again run the slow commands a replica acked itself ({@code LocalRuns}), so a burst of them never holds up
     * the deliveries and the families' jobs.
     */
    public static JobSettings defaults() {
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        return new JobSettings(Duration.ofSeconds(1), Duration.ofSeconds(5), 4, threads, 5, Duration.ofSeconds(2));
    }
}
