package dev.capstan.jobs;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the rows of finished jobs, each with what its job records of its outcome in the same transaction, and the
 * jobs finishing at the same time in one transaction ({@link GroupCommit}): a row is removed only at the version its
 * run picked, so a job another replica took over meanwhile is left to it, and its outcome is not recorded twice.
 */
final class JobCompletions {
    private static final Logger log = LoggerFactory.getLogger(JobCompletions.class);

    /** A finished run's row and what to record with its removal (null for nothing). */
    record Finished(JobScope.Row row, Runnable recording) { }

    private final GroupCommit<Finished, Boolean> commits;

    JobCompletions(Jdbi jdbi) {
        this.commits = new GroupCommit<>(jdbi, finished -> removeAll(jdbi, finished));
    }

    /** Removes the row and records the outcome once that commits; false when another replica had taken the job over. */
    boolean complete(JobScope.Row row, Runnable recording) {
        return commits.commit(new Finished(row, recording));
    }

    private static List<Boolean> removeAll(Jdbi jdbi, List<Finished> parts) {
        return jdbi.withHandle(h -> {
            List<Boolean> removed = new ArrayList<>(parts.size());
            for (int i = 0; i < parts.size(); i++) removed.add(false);
            for (String table : parts.stream().map(part -> part.row().table()).distinct().toList()) {
                PreparedBatch batch = h.prepareBatch("delete from " + table + " where task_name = :name and task_instance = :id and version = :version");
                List<Integer> places = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    JobScope.Row row = parts.get(i).row();
                    if (!row.table().equals(table)) continue;
                    batch.bind("name", row.taskName()).bind("id", row.id()).bind("version", row.version()).add();
                    places.add(i);
                }
                int[] counts = batch.execute();
                for (int j = 0; j < counts.length; j++) removed.set(places.get(j), counts[j] == 1);
            }
            for (int i = 0; i < parts.size(); i++) {
                Finished part = parts.get(i);
                if (!removed.get(i)) {
                    log.warn("Job {} {} finished here but another replica had taken it over; its outcome is left to that one",
                            part.row().taskName(), part.row().id());
                } else if (part.recording() != null) {
                    part.recording().run();
                }
            }
            return removed;
        });
    }
}
