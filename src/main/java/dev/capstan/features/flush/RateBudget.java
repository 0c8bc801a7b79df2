package dev.capstan.features.flush;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Token buckets kept in the database, so that every replica draws on one budget per provider account: a call takes
 * all its charges at once or none, and learns how long to wait when a bucket is short.
 */
final class RateBudget {
    /** What one call takes from one bucket. */
    record Charge(String bucket, double tokens) { }

    private final Jdbi jdbi;
    private final Clock clock;
    private final RateBuckets buckets;

    RateBudget(Jdbi jdbi, Clock clock, RateBuckets buckets) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.buckets = buckets;
    }

    /** Takes every charge and returns zero, or takes nothing and returns how long until they would all fit. */
    Duration take(List<Charge> charges) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            double[] tokens = new double[charges.size()];
            Duration wait = Duration.ZERO;
            for (int i = 0; i < charges.size(); i++) {
                Charge charge = charges.get(i);
                RateLimit limit = buckets.limit(charge.bucket());
                tokens[i] = refilled(h, charge.bucket(), limit, now);
                double wanted = Math.min(charge.tokens(), limit.burst());
                if (tokens[i] < wanted) {
                    Duration needed = Duration.ofMillis((long) Math.ceil((wanted - tokens[i]) / limit.perSecond() * 1000));
                    if (needed.compareTo(wait) > 0) wait = needed;
                }
            }
            for (int i = 0; i < charges.size(); i++) {
                double left = wait.isZero() ? tokens[i] - Math.min(charges.get(i).tokens(), buckets.limit(charges.get(i).bucket()).burst()) : tokens[i];
                h.createUpdate("update flush_rate_buckets set tokens = :tokens, refilled_at = greatest(refilled_at, :now) where bucket = :bucket")
                        .bind("tokens", left).bind("now", Timestamp.from(now)).bind("bucket", charges.get(i).bucket()).execute();
            }
            return wait;
        });
    }

    /** The bucket's tokens now, locked for this transaction; a bucket never used before starts full. */
    private static double refilled(Handle h, String bucket, RateLimit limit, Instant now) {
        h.createUpdate("insert into flush_rate_buckets (bucket, tokens, refilled_at) values (:bucket, :tokens, :now) on conflict do nothing")
                .bind("bucket", bucket).bind("tokens", limit.burst()).bind("now", Timestamp.from(now)).execute();
        return h.createQuery("select tokens, refilled_at from flush_rate_buckets where bucket = :bucket for update")
                .bind("bucket", bucket).map((rs, ctx) -> {
                    Instant last = rs.getTimestamp("refilled_at").toInstant();
                    double seconds = Math.max(0, Duration.between(last, now).toMillis() / 1000.0);
                    return Math.min(limit.burst(), rs.getDouble("tokens") + seconds * limit.perSecond());
                }).one();
    }
}
