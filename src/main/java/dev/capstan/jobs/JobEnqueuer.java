package dev.capstan.jobs;

import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Writes a job's row in the caller's transaction when there is one (so it commits or rolls back with the change that
 * caused it), else in its own; then wakes this replica's workers once it is committed. A job at an instant still ahead
 * by Capstan's clock is a deadline, kept apart and due by that clock; any other runs soon.
 */
final class JobEnqueuer {
    private static final int MAX_ID = 200;
    private static final String INSERT_VALUES = """
             (task_name, task_instance, task_data, execution_time, picked, version, priority)
            values (:name, :id, :data, :when, false, 1, 0) on conflict do nothing""";
    private static final String INSERT_CLAIMABLE = """
             (task_name, task_instance, task_data, execution_time, picked, picked_by, last_heartbeat, version, priority)
            values (:name, :id, :data, :when, :picked, :by, :heartbeat, :version, 0) on conflict do nothing""";

    private final Jdbi jdbi;
    private final Clock clock;
    private final JobKeys keys;
    private final JobJson json;
    private final Runnable wake;
    private final LocalRuns local;

    JobEnqueuer(Jdbi jdbi, Clock clock, JobKeys keys, JobJson json, Runnable wake, LocalRuns local) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.keys = keys;
        this.json = json;
        this.wake = wake;
        this.local = local;
    }

    /** A job without a key of its own: keyed by the job run that enqueues it, if any, else by a random id. */
    <T> void enqueueFresh(JobType<T> type, T data) {
        String key = JobScope.nextKey();
        if (key == null) enqueue(type, UUID.randomUUID().toString(), Instant.EPOCH, data, false);
        else enqueue(type, key, Instant.EPOCH, data, true);
    }

    <T> boolean enqueue(JobType<T> type, String id, Instant at, T data, boolean once) {
        checkId(id);
        boolean deadline = at.isAfter(clock.instant());
        Instant now = JobSchedulers.SCHEDULER_CLOCK.instant();
        Instant when = deadline ? at.truncatedTo(ChronoUnit.MICROS) : now;
        String table = deadline ? JobSchedulers.AT_TABLE : JobSchedulers.SOON_TABLE;
        byte[] bytes = json.bytes(1, now, data, 1);
        return jdbi.withHandle(h -> h.isInTransaction() ? insert(h, table, type, id, when, bytes, once)
                : h.inTransaction(tx -> insert(tx, table, type, id, when, bytes, once)));
    }

    /**
     * Writes jobs to run soon in one batch, in the caller's transaction (it must have one); an id already there is left
     * as it is. As many as this replica has free workers are written picked by it and run here once that commits
     * ({@link LocalRuns}); the workers are woken for the rest.
     */
    <T> void enqueueAll(JobType<T> type, Map<String, T> byId) {
        Instant now = JobSchedulers.SCHEDULER_CLOCK.instant();
        jdbi.useHandle(h -> {
            if (!h.isInTransaction()) throw new IllegalStateException("A batch of jobs is written in its caller's transaction");
            String replica = local.replica();
            int claimed = replica == null ? 0 : local.claim(byId.size());
            List<LocalRuns.Claimed> rows = new ArrayList<>(byId.size());
            int[] written;
            try {
                PreparedBatch batch = h.prepareBatch("insert into " + JobSchedulers.SOON_TABLE + INSERT_CLAIMABLE);
                byId.forEach((id, data) -> {
                    checkId(id);
                    boolean mine = rows.size() < claimed;
                    byte[] bytes = json.bytes(1, now, data, 1);
                    rows.add(new LocalRuns.Claimed(JobSchedulers.SOON_TABLE, type.name(), id, bytes));
                    batch.bind("name", type.name()).bind("id", id).bind("data", bytes).bind("when", now)
                            .bind("picked", mine).bindByType("by", mine ? replica : null, String.class)
                            .bindByType("heartbeat", mine ? now : null, Instant.class)
                            .bind("version", mine ? LocalRuns.CLAIMED_VERSION : 1).add();
                });
                written = batch.execute();
            } catch (RuntimeException failed) {
                local.release(claimed);
                throw failed;
            }
            List<LocalRuns.Claimed> toRun = new ArrayList<>(claimed);
            Set<String> readBack = uncounted(written, claimed) ? claimedHere(h, type, rows.subList(0, claimed), replica, now) : Set.of();
            for (int i = 0; i < claimed; i++) {
                if (written[i] == 1 || written[i] == Statement.SUCCESS_NO_INFO && readBack.contains(rows.get(i).id())) toRun.add(rows.get(i));
            }
            local.release(claimed - toRun.size());
            h.afterRollback(() -> local.release(toRun.size()));
            h.afterCommit(() -> toRun.forEach(local::run));
            if (claimed < rows.size()) h.afterCommit(wake);
        });
    }

    private static boolean uncounted(int[] written, int claimed) {
        for (int i = 0; i < claimed; i++) if (written[i] == Statement.SUCCESS_NO_INFO) return true;
        return false;
    }

    /**
     * Which of these ids this batch wrote claimed here, for a driver that reports no count per row (PostgreSQL's with
     * {@code reWriteBatchedInserts}): a row already there under such an id has another claim or none, or a later heartbeat.
     */
    private static Set<String> claimedHere(Handle h, JobType<?> type, List<LocalRuns.Claimed> rows, String replica, Instant now) {
        return new HashSet<>(h.createQuery("select task_instance from " + JobSchedulers.SOON_TABLE
                        + " where task_name = :name and task_instance in (<ids>) and picked_by = :by and version = :version"
                        + " and last_heartbeat = :heartbeat")
                .bind("name", type.name()).bindList("ids", rows.stream().map(LocalRuns.Claimed::id).toList())
                .bind("by", replica).bind("version", LocalRuns.CLAIMED_VERSION).bindByType("heartbeat", now, Instant.class)
                .mapTo(String.class).list());
    }

    /**
     * Saves {@code data} as the running job's own data, in the caller's transaction when there is one: a retry, or a run
     * again after this replica died, starts from it, with attempts counted afresh. Throws when the row is no longer the
     * one this run picked (another replica took the job over), so that the caller's transaction rolls back.
     */
    <T> void save(JobType<T> type, JobRun<T> run, T data) {
        JobScope scope = JobScope.current();
        JobScope.Row row = runningRow(type, scope, run);
        byte[] bytes = savedBytes(row, data);
        Supplier<JobEnvelope> next = saved(row, data);
        jdbi.useHandle(h -> {
            int rows = bindSave(h.createUpdate(saveSql(row.table())), row, bytes).execute();
            if (rows != 1) throw new IllegalStateException("Job " + type.name() + " " + run.id() + " was taken over by another replica");
            if (h.isInTransaction()) h.afterCommit(() -> scope.saved(next));
            else scope.saved(next);
        });
    }

    /** A running job's data to save, with the scope its run has: its row, and where a retry finds what was saved. */
    record Progress<T>(JobScope scope, JobRun<T> run, T data) { }

    /**
     * Saves several running jobs' data as {@link #save} saves one, in one batch a table, in the caller's transaction
     * (it must have one): throws when any row is no longer the one its run picked, so that the transaction rolls back.
     */
    <T> void saveAll(JobType<T> type, List<Progress<T>> runs) {
        jdbi.useHandle(h -> {
            if (!h.isInTransaction()) throw new IllegalStateException("Jobs' data is saved together in its caller's transaction");
            runs.forEach(progress -> runningRow(type, progress.scope(), progress.run()));
            int[] counts = TableBatches.counts(h, runs, progress -> progress.scope().row(), JobEnqueuer::saveSql,
                    (batch, progress) -> bindSave(batch, progress.scope().row(), savedBytes(progress.scope().row(), progress.data())));
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1) throw new IllegalStateException("Job " + type.name() + " " + runs.get(i).run().id() + " was taken over by another replica");
            }
            h.afterCommit(() -> runs.forEach(progress -> progress.scope().saved(saved(progress.scope().row(), progress.data()))));
        });
    }

    /** A run's data as its row holds it: the run's first enqueueing and run number kept, its attempts counted afresh. */
    private byte[] savedBytes(JobScope.Row row, Object data) {
        return json.bytes(1, row.envelope().firstEnqueuedAt(), data, row.envelope().run());
    }

    /** The envelope a run's saved data makes, built only if a retry or a give-up asks for it. */
    private Supplier<JobEnvelope> saved(JobScope.Row row, Object data) {
        return () -> new JobEnvelope(1, row.envelope().firstEnqueuedAt(), json.tree(data), row.envelope().run());
    }

    private static JobScope.Row runningRow(JobType<?> type, JobScope scope, JobRun<?> run) {
        JobScope.Row row = scope == null ? null : scope.row();
        if (row == null || !row.taskName().equals(type.name()) || !row.id().equals(run.id())) {
            throw new IllegalStateException("Only a running job saves its own data");
        }
        return row;
    }

    private static String saveSql(String table) {
        return "update " + table + " set task_data = :data"
                + " where task_name = :name and task_instance = :id and version = :version and picked = true";
    }

    private static <S extends SqlStatement<S>> S bindSave(S statement, JobScope.Row row, byte[] bytes) {
        return statement.bind("data", bytes).bind("name", row.taskName()).bind("id", row.id()).bind("version", row.version());
    }

    private boolean insert(Handle h, String table, JobType<?> type, String id, Instant when, byte[] bytes, boolean once) {
        if (once && !keys.claim(type.name(), id, clock.instant())) return false;
        int rows = h.createUpdate("insert into " + table + INSERT_VALUES)
                .bind("name", type.name()).bind("id", id).bind("data", bytes).bind("when", when).execute();
        if (rows == 1 && table.equals(JobSchedulers.SOON_TABLE)) h.afterCommit(wake);
        return rows == 1;
    }

    private static void checkId(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_ID) {
            throw new IllegalArgumentException("A job id must have 1 to " + MAX_ID + " characters");
        }
    }
}
