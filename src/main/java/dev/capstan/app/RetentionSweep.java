package dev.capstan.app;

import dev.capstan.jobs.DurableOutbox;
import dev.capstan.jobs.Jobs;
import dev.capstan.jobs.RecurringJob;
import dev.capstan.store.AuditStore;
import dev.capstan.store.BatchedDelete;
import dev.capstan.store.DeliveryLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what {@link RetentionSettings} no longer keeps, on a cluster-wide schedule (once per firing across replicas),
 * in batches of {@value #BATCH} rows, each its own short transaction, and at most {@value #MOST_BATCHES} batches a
 * table per firing, so that a first run over a large backlog spreads over several firings instead of holding locks.
 */
final class RetentionSweep {
    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);
    static final int BATCH = 1000;
    static final int MOST_BATCHES = 200;

    /** One table's part: deletes at most a batch older than a moment, returns how many. */
    @FunctionalInterface
    private interface Forget {
        int olderThan(Instant before, int batch);
    }

    private final RetentionSettings settings;
    private final Clock clock;
    private final Map<String, Forget> tables = new LinkedHashMap<>();
    private final Map<String, java.time.Duration> kept = new LinkedHashMap<>();

    RetentionSweep(RetentionSettings settings, Clock clock, Jdbi jdbi, DeliveryLog deliveries, Jobs jobs, DurableOutbox outbox,
                   AuditStore audit) {
        this.settings = settings;
        this.clock = clock;
        add("inbound deliveries and events", settings.deliveries(), deliveries::forgetBefore);
        add("answered confirmations", settings.deliveries(),
                (before, batch) -> BatchedDelete.olderThan(jdbi, "pending_actions", "id", "expires_at", before, batch));
        add("job idempotency keys", settings.jobKeys(), jobs::forgetKeysBefore);
        add("records of sent messages", settings.sentMessages(), outbox::forgetSentBefore);
        add("audit entries", settings.audit(), audit::forgetBefore);
    }

    private void add(String what, java.time.Duration keep, Forget forget) {
        tables.put(what, forget);
        kept.put(what, keep);
    }

    RecurringJob schedule() {
        return new RecurringJob("capstan-retention", settings.schedule().expression(), ZoneOffset.UTC, this::sweep);
    }

    /** Forgets, table by table, what is older than that table's retention. */
    void sweep() {
        Instant now = clock.instant();
        tables.forEach((what, forget) -> {
            Instant before = now.minus(kept.get(what));
            int total = 0;
            for (int i = 0; i < MOST_BATCHES; i++) {
                int deleted = forget.olderThan(before, BATCH);
                total += deleted;
                if (deleted < BATCH) break;
            }
            if (total > 0) log.info("Retention: forgot {} {} from before {}", total, what, before);
        });
    }
}
