package dev.capstan.features.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Computes the four DORA metrics of one environment from its ended deployments, with nothing but the list in hand:
 * deployment frequency (successes a day), lead time for changes (median, oldest new commit to success), change failure
 * rate (failed, rolled back, or followed by a rollback within a day) and time to restore (median, a failure to the next
 * success).
 */
final class DeliveryCalculator {
    /** A success followed by a rollback this soon counts as a failed change. */
    static final Duration ROLLBACK_WINDOW = Duration.ofDays(1);

    private DeliveryCalculator() {
    }

    /** The figures of {@code environment} for the {@code days} days up to and including {@code until}; shipments outside them are ignored. */
    static DeliveryFigures compute(String environment, List<Shipment> all, int days, Instant until) {
        Instant from = until.minus(Duration.ofDays(days));
        List<Shipment> shipments = all.stream().filter(s -> !s.finishedAt().isBefore(from) && !s.finishedAt().isAfter(until))
                .sorted(Comparator.comparing(Shipment::finishedAt).thenComparingLong(Shipment::id)).toList();
        Set<Long> failed = failedChanges(shipments);
        int successes = (int) shipments.stream().filter(Shipment::succeeded).count();

        List<Duration> leadTimes = new ArrayList<>();
        int nothingNew = 0;
        int notCompared = 0;
        for (Shipment s : shipments) {
            if (!s.succeeded()) continue;
            switch (s.change().kind()) {
                case COMMITS -> leadTimes.add(positive(Duration.between(s.change().firstCommitAt(), s.finishedAt())));
                case NONE -> nothingNew++;
                case UNKNOWN, PENDING -> notCompared++;
            }
        }

        List<Duration> restores = new ArrayList<>();
        Instant brokenSince = null;
        for (Shipment s : shipments) {
            if (!s.succeeded()) {
                if (brokenSince == null) brokenSince = s.finishedAt();
            } else if (brokenSince != null) {
                restores.add(Duration.between(brokenSince, s.finishedAt()));
                brokenSince = null;
            }
        }

        Duration lead = median(leadTimes);
        Duration restore = median(restores);
        return new DeliveryFigures(environment, days, until, shipments.size(), successes, DoraThresholds.frequency(successes, days),
                lead, lead == null ? null : DoraThresholds.leadTime(lead), leadTimes.size(), nothingNew, notCompared,
                failed.size(), shipments.isEmpty() ? null : DoraThresholds.changeFailureRate(failed.size(), shipments.size()),
                restore, restore == null ? null : DoraThresholds.timeToRestore(restore), restores.size(), brokenSince != null,
                trend(shipments, failed, from, until, days));
    }

    /**
     * The ids of the failed changes: deployments that failed, successes a rollback undid (the last success before it), and
     * successes a rollback followed within {@link #ROLLBACK_WINDOW}.
     */
    static Set<Long> failedChanges(List<Shipment> inOrder) {
        Set<Long> failed = new HashSet<>();
        for (int i = 0; i < inOrder.size(); i++) {
            Shipment s = inOrder.get(i);
            if (!s.succeeded()) {
                failed.add(s.id());
                continue;
            }
            if (!s.rollback()) continue;
            boolean undoneFound = false;
            for (int j = i - 1; j >= 0; j--) {
                Shipment earlier = inOrder.get(j);
                if (!earlier.succeeded()) continue;
                boolean target = s.rollbackTo().equals(earlier.id());
                if (!undoneFound && !target) failed.add(earlier.id());
                undoneFound = true;
                if (target) break;
                boolean withinADay = Duration.between(earlier.finishedAt(), s.startedAt()).compareTo(ROLLBACK_WINDOW) <= 0;
                if (!withinADay) break;
                failed.add(earlier.id());
            }
        }
        return failed;
    }

    private static List<DeliveryFigures.Bucket> trend(List<Shipment> shipments, Set<Long> failed, Instant from, Instant until, int days) {
        Duration length = Duration.ofDays(days <= 14 ? 1 : 7);
        List<DeliveryFigures.Bucket> buckets = new ArrayList<>();
        for (Instant start = from; start.isBefore(until); start = start.plus(length)) {
            Instant end = start.plus(length).isAfter(until) ? until : start.plus(length);
            Instant s0 = start;
            boolean last = end.equals(until);
            List<Shipment> in = shipments.stream().filter(s -> !s.finishedAt().isBefore(s0)
                    && (s.finishedAt().isBefore(end) || last && s.finishedAt().equals(until))).toList();
            buckets.add(new DeliveryFigures.Bucket(start, Duration.between(start, end), (int) in.stream().filter(Shipment::succeeded).count(),
                    (int) in.stream().filter(s -> failed.contains(s.id())).count()));
        }
        return buckets;
    }

    /** The middle value (the mean of the two middle ones for an even count); null for none. */
    static Duration median(List<Duration> values) {
        if (values.isEmpty()) return null;
        List<Duration> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
