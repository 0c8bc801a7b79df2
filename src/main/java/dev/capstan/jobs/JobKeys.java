package dev.capstan.jobs;

import java.time.Instant;
import dev.capstan.store.BatchedDelete;
import org.jdbi.v3.core.Jdbi;

/** Idempotency keys of jobs ever enqueued, so that the same work enqueued twice runs once, even after the first finished. */
final class JobKeys {
    private final Jdbi jdbi;

    JobKeys(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** True the first time a key is claimed for a job type, on any replica; inside the caller's transaction when there is one. */
    boolean claim(String type, String key, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        insert into job_keys (task_name, job_key, created_at) values (:type, :key, :now)
                        on conflict do nothing""")
                .bind("type", type).bind("key", key).bind("now", now).execute()) == 1;
    }

    /** Whether the key was ever claimed for the job type (and not yet forgotten). */
    boolean claimed(String type, String key) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from job_keys where task_name = :type and job_key = :key")
                .bind("type", type).bind("key", key).mapTo(Integer.class).one()) > 0;
    }

    /** Forgets at most {@code batch} keys older than {@code before}: the retention schedule's part. */
    int forgetBefore(Instant before, int batch) {
        return BatchedDelete.olderThan(jdbi, "job_keys", "task_name, job_key", "created_at", before, batch);
    }
}
