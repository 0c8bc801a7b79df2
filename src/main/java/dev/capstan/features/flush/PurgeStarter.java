package dev.capstan.features.flush;

import dev.capstan.jobs.JobType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Records a purge and queues its job in one transaction, once per idempotency key (a double submit purges once). */
final class PurgeStarter {
    private final Jdbi jdbi;
    private final Purges purges;
    private final Clock clock;
    private JobType<PurgeJob.Task> job;

    PurgeStarter(Jdbi jdbi, Purges purges, Clock clock) {
        this.jdbi = jdbi;
        this.purges = purges;
        this.clock = clock;
    }

    void runWith(JobType<PurgeJob.Task> type) {
        this.job = type;
    }

    /** The new purge's id, or empty when this key started one before; it is asked for now, to the microsecond the databases keep. */
    Optional<String> start(String key, PurgeOrder order, String userId, String viewId, String viewHash) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return jdbi.inTransaction(h -> {
            if (!job.enqueueOnce(key, new PurgeJob.Task(id, 0))) return Optional.<String>empty();
            purges.insert(new Purge(id, order, userId, now, viewId, viewHash, null, null));
            return Optional.of(id);
        });
    }
}
