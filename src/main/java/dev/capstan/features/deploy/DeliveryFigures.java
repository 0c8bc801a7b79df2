package dev.capstan.features.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The four delivery metrics of one environment over {@code days} days up to {@code until}, each with its band (null when
 * there is nothing to measure), what could not be measured, and the trend in buckets.
 */
record DeliveryFigures(String environment, int days, Instant until, int deployments, int successes, Band frequencyBand,
                             Duration leadTime, Band leadTimeBand, int measuredChanges, int nothingNew, int notCompared,
                             int failedChanges, Band failureBand, Duration timeToRestore, Band restoreBand, int restores,
                             boolean unrestored, List<Bucket> trend) {

    /** One stretch of the period: when it starts, how long it is, its successful deployments and its failed changes. */
    record Bucket(Instant start, Duration length, int successes, int failedChanges) { }

    /** Successful deployments per day. */
    public double perDay() {
        return days == 0 ? 0 : (double) successes / days;
    }

    /** Failed changes as a fraction of all deployments; 0 when there were none. */
    public double failureRate() {
        return deployments == 0 ? 0 : (double) failedChanges / deployments;
    }
}
