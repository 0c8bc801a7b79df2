package dev.capstan.jobs;

import java.time.Duration;

/** How a job type retries: attempts in all, the first delay (doubling up to {@code longestDelay}), and who hears when it gives up. */
public record JobOptions<T>(int attempts, Duration firstRetryDelay, Duration longestDelay, GaveUp<T> gaveUp) {
    /** Told once when a job stops without finishing: after its last attempt, or at once for a permanent failure. */
    @FunctionalInterface
    public interface GaveUp<T> {
        void gaveUp(JobRun<T> run, JobFailure failure) throws Exception;
    }

    public JobOptions {
        if (attempts < 1) throw new IllegalArgumentException("A job needs at least one attempt");
        if (gaveUp == null) gaveUp = (run, failure) -> { };
    }

    /** The platform's defaults from {@link JobSettings}, with a give-up handler. */
    public static <T> JobOptions<T> retrying(JobSettings settings, GaveUp<T> gaveUp) {
        return new JobOptions<>(settings.maxRetries() + 1, settings.firstRetryDelay(), Duration.ofMinutes(5), gaveUp);
    }

    Duration delayBefore(int nextAttempt) {
        long factor = 1L << Math.min(20, Math.max(0, nextAttempt - 2));
        Duration delay = firstRetryDelay.multipliedBy(factor);
        return delay.compareTo(longestDelay) > 0 ? longestDelay : delay;
    }
}
