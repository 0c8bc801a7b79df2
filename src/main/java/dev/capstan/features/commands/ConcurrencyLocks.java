package dev.capstan.features.commands;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Concurrency keys held by runs, in the database so that every replica sees them; inside the caller's transaction when there is one. */
final class ConcurrencyLocks {
    /** Who holds a key, for the refusal. */
    record Holder(String runId, String command, String userId, Instant since) { }

    private final Jdbi jdbi;
    private final Clock clock;

    ConcurrencyLocks(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Takes the key for the run until {@code expiresAt}; the current holder when another run has it. */
    Optional<Holder> acquire(String key, String runId, String command, String userId, Instant expiresAt) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            h.createUpdate("delete from command_locks where lock_key = :key and expires_at < :now")
                    .bind("key", key).bind("now", now).execute();
            int taken = h.createUpdate("""
                            insert into command_locks (lock_key, run_id, command, user_id, acquired_at, expires_at)
                            values (:key, :run, :command, :user, :now, :expires) on conflict do nothing""")
                    .bind("key", key).bind("run", runId).bind("command", command).bind("user", userId)
                    .bind("now", now).bind("expires", expiresAt).execute();
            return taken == 1 ? Optional.<Holder>empty() : holder(key);
        });
    }

    Optional<Holder> holder(String key) {
        return jdbi.withHandle(h -> h.createQuery("select run_id, command, user_id, acquired_at from command_locks where lock_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> new Holder(rs.getString("run_id"), rs.getString("command"), rs.getString("user_id"),
                        rs.getTimestamp("acquired_at").toInstant()))
                .findFirst());
    }

    /** Frees the key if this run still holds it. */
    void release(String key, String runId) {
        jdbi.useHandle(h -> h.createUpdate("delete from command_locks where lock_key = :key and run_id = :run")
                .bind("key", key).bind("run", runId).execute());
    }
}
