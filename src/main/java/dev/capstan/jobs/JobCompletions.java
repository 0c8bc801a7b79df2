package dev.capstan.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the rows of finished jobs, those finishing at the same time in one transaction ({@link GroupCommit}), where
 * db-scheduler removes each in one of its own: a row is removed only at the version its run picked, so a job another
 * replica took over meanwhile is left to it.
 */
final class JobCompletions {
    private static final Logger log = LoggerFactory.getLogger(JobCompletions.class);

    private final Jdbi jdbi;
    private final GroupCommit<JobScope.Row, Boolean> commits;

    JobCompletions(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.commits = new GroupCommit<>(jdbi, finished -> removeAll(jdbi, finished));
    }

    /** Returns once the row's removal committed; false when another replica had taken the job over. */
    boolean complete(JobScope.Row row) {
        return commits.commit(row);
    }

    /**
     * Puts a row this replica ran back in the table, due at {@code at} with {@code data}, for any replica to pick: what
     * db-scheduler does for a run it picked itself. False when another replica had taken the job over.
     */
    boolean reschedule(JobScope.Row row, Instant at, byte[] data) {
        int rows = jdbi.withHandle(h -> h.createUpdate("update " + row.table() + " set task_data = :data, execution_time = :at,"
                        + " picked = false, picked_by = null, last_heartbeat = null, version = version + 1"
                        + " where task_name = :name and task_instance = :id and version = :version")
                .bind("data", data).bind("at", at).bind("name", row.taskName()).bind("id", row.id()).bind("version", row.version())
                .execute());
        if (rows != 1) log.warn("Job {} {} ran here but another replica had taken it over", row.taskName(), row.id());
        return rows == 1;
    }

    private static List<Boolean> removeAll(Jdbi jdbi, List<JobScope.Row> rows) {
        return jdbi.withHandle(h -> {
            int[] counts = TableBatches.counts(h, rows, row -> row,
                    table -> "delete from " + table + " where task_name = :name and task_instance = :id and version = :version",
                    (batch, row) -> batch.bind("name", row.taskName()).bind("id", row.id()).bind("version", row.version()));
            List<Boolean> removed = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                removed.add(counts[i] == 1);
                if (counts[i] == 1) continue;
                log.warn("Job {} {} finished here but another replica had taken it over", rows.get(i).taskName(), rows.get(i).id());
            }
            return removed;
        });
    }
}
