package dev.capstan.store;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes rows older than a moment in small batches, each its own short transaction, so that retention never holds
 * long locks on a table that requests write to. One portable statement for H2 and PostgreSQL (neither takes
 * {@code delete … limit} the same way; both take a key list from a limited select).
 */
public final class BatchedDelete {
    private BatchedDelete() {
    }

    /**
     * Deletes at most {@code batch} rows of {@code table} whose {@code timeColumn} is before {@code before}, oldest first;
     * {@code key} names the primary key's columns ("id" or "source, delivery_id"). Returns how many went.
     */
    public static int olderThan(Jdbi jdbi, String table, String key, String timeColumn, Instant before, int batch) {
        String keyList = key.contains(",") ? "(" + key + ")" : key;
        String sql = "delete from " + table + " where " + keyList + " in (select " + key + " from " + table
                + " where " + timeColumn + " < :before order by " + timeColumn + " limit :batch)";
        return jdbi.withHandle(h -> h.createUpdate(sql).bind("before", before).bind("batch", batch).execute());
    }
}
