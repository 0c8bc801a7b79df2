package dev.capstan.jobs;

import java.time.Instant;
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

    /** Forgets keys older than {@code before}: the retention schedule's part. */
    int forgetBefore(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("delete from job_keys where created_at < :before")
                .bind("before", before).execute());
    }
}
