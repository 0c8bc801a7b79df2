package dev.capstan.features.deploy;

import java.time.Duration;

/**
 * The one place the bands' thresholds live: the software delivery performance levels of DORA's Accelerate State of
 * DevOps Report 2023 ("How do you compare?"). Where the report gives a range, its upper end is the band's limit; where it
 * gives one figure (a change failure rate of 5%, 10%, 15%), that figure is. The report gives low performers the same
 * deployment frequency and lead time as medium ones; slower than that counts as low here.
 */
final class DoraThresholds {
    static final int YEAR = 2023;
    static final String SOURCE = "DORA's Accelerate State of DevOps Report " + YEAR;

    /** Elite deploy on demand (at least daily), high between daily and weekly, medium between weekly and monthly. */
    static final int DAILY = 1;
    static final int WEEKLY = 7;
    static final int MONTHLY = 30;
    /** Lead time: elite less than one day, high up to one week, medium up to one month. */
    static final Duration LEAD_ELITE_BELOW = Duration.ofDays(1);
    static final Duration LEAD_HIGH_UP_TO = Duration.ofDays(7);
    static final Duration LEAD_MEDIUM_UP_TO = Duration.ofDays(30);
    /** Change failure rate in percent: elite 5, high 10, medium 15 (low performers: 64). */
    static final int FAILURES_ELITE_UP_TO = 5;
    static final int FAILURES_HIGH_UP_TO = 10;
    static final int FAILURES_MEDIUM_UP_TO = 15;
    /** Failed deployment recovery time: elite less than one hour, high less than one day, medium up to one week. */
    static final Duration RESTORE_ELITE_BELOW = Duration.ofHours(1);
    static final Duration RESTORE_HIGH_BELOW = Duration.ofDays(1);
    static final Duration RESTORE_MEDIUM_UP_TO = Duration.ofDays(7);

    private DoraThresholds() {
    }

    /** {@code successes} successful deployments in {@code days} days, compared without rounding. */
    static Band frequency(int successes, int days) {
        if ((long) successes * DAILY >= days && successes > 0) return Band.ELITE;
        if ((long) successes * WEEKLY >= days && successes > 0) return Band.HIGH;
        if ((long) successes * MONTHLY >= days && successes > 0) return Band.MEDIUM;
        return Band.LOW;
    }

    static Band leadTime(Duration median) {
        if (median.compareTo(LEAD_ELITE_BELOW) < 0) return Band.ELITE;
        if (median.compareTo(LEAD_HIGH_UP_TO) <= 0) return Band.HIGH;
        if (median.compareTo(LEAD_MEDIUM_UP_TO) <= 0) return Band.MEDIUM;
        return Band.LOW;
    }

    /** {@code failed} of {@code total} deployments, compared without rounding. */
    static Band changeFailureRate(int failed, int total) {
        long percent100 = 100L * failed;
        if (percent100 <= (long) FAILURES_ELITE_UP_TO * total) return Band.ELITE;
        if (percent100 <= (long) FAILURES_HIGH_UP_TO * total) return Band.HIGH;
        if (percent100 <= (long) FAILURES_MEDIUM_UP_TO * total) return Band.MEDIUM;
        return Band.LOW;
    }

    static Band timeToRestore(Duration median) {
        if (median.compareTo(RESTORE_ELITE_BELOW) < 0) return Band.ELITE;
        if (median.compareTo(RESTORE_HIGH_BELOW) < 0) return Band.HIGH;
        if (median.compareTo(RESTORE_MEDIUM_UP_TO) <= 0) return Band.MEDIUM;
        return Band.LOW;
    }
}
