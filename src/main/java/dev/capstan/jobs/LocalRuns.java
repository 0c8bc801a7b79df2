package dev.capstan.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a slow command on the replica whose ack queued it, without a worker polling for its row and picking it: the ack
 * writes the row already picked by this replica, at the version a pick would give it, and a local worker runs it once
 * that commits. Heartbeats keep the row this replica's while it runs, so if the replica dies db-scheduler revives it on
 * another, as it does any job it had picked. Only as many rows are claimed as there are free local workers; the rest
 * wait in the table for whichever replica polls first. Saves the poll, the pick and its read-back per job.
 */
final class LocalRuns {
    private static final Logger log = LoggerFactory.getLogger(LocalRuns.class);
    /** The version a row has once db-scheduler picked it: a claimed row is written at it, picked. */
    static final long CLAIMED_VERSION = 2;
    private static final Duration MOST_WAIT_AT_STOP = Duration.ofSeconds(30);

    /** A claimed row to run once its transaction committed. */
    record Claimed(String table, String taskName, String id, byte[] data) { }

    /** What the runs need once the jobs start. */
    private record Started(Map<String, JobRegistry.Declared<?>> types, JobExecution execution, String replica) { }

    private final Jdbi jdbi;
    private final JobJson json;
    private final Duration heartbeat;
    private final Semaphore free;
    private final ExecutorService workers;
    private final ScheduledExecutorService heartbeats;
    private final Set<Claimed> running = ConcurrentHashMap.newKeySet();
    private volatile Started started;
    private volatile boolean stopping;

    LocalRuns(Jdbi jdbi, JobJson json, JobSettings settings) {
        this.jdbi = jdbi;
        this.json = json;
        this.heartbeat = settings.heartbeatInterval();
        this.free = new Semaphore(settings.threads());
        AtomicInteger named = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.threads(), work -> daemon(work, "capstan-local-job-" + named.incrementAndGet()));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(work -> daemon(work, "capstan-local-job-heartbeat"));
    }

    void start(List<JobRegistry.Declared<?>> declared, JobExecution execution, String replica) {
        Map<String, JobRegistry.Declared<?>> types = new ConcurrentHashMap<>();
        for (JobRegistry.Declared<?> type : declared) types.put(type.type().name(), type);
        started = new Started(types, execution, replica);
        long every = heartbeat.toMillis();
        heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** Which replica a claimed row is picked by; null before the jobs start or once they stop (nothing is claimed then). */
    String replica() {
        Started now = started;
        return now == null || stopping ? null : now.replica();
    }

    /** Claims up to {@code wanted} free local workers and returns how many it got: none before the start or once stopping. */
    int claim(int wanted) {
        if (replica() == null) return 0;
        int got = 0;
        while (got < wanted && free.tryAcquire()) got++;
        return got;
    }

    /** Gives back workers claimed for rows that were not written (a rollback, or an id already there). */
    void release(int claimed) {
        if (claimed > 0) free.release(claimed);
    }

    /** Runs a claimed row whose transaction committed; its worker was claimed for it. */
    void run(Claimed row) {
        running.add(row);
        try {
            workers.execute(() -> runNow(row));
        } catch (RuntimeException rejected) {
            running.remove(row);
            free.release();
            log.warn("Job {} {} was claimed as this replica stopped; another replica runs it once its heartbeat is missed",
                    row.taskName(), row.id());
        }
    }

    private void runNow(Claimed row) {
        try {
            Started now = started;
            JobRegistry.Declared<?> declared = now.types().get(row.taskName());
            JobEnvelope envelope = json.serializer().deserialize(JobEnvelope.class, row.data());
            now.execution().runClaimed(declared, row.id(), envelope, row.table());
        } catch (RuntimeException | Error failed) {
            log.error("Job {} {} failed outside its handler; another replica runs it once its heartbeat is missed",
                    row.taskName(), row.id(), failed);
        } finally {
            running.remove(row);
            free.release();
        }
    }

    /**
     * Keeps the claimed rows this replica's: db-scheduler revives a picked row whose heartbeats stopped. Each row's beat
     * commits on its own: PostgreSQL runs a batch in one transaction, which held one row while it waited for another that
     * a group of workers recording their decisions held, and the database broke that deadlock by dropping a beat.
     */
    private void beat() {
        if (running.isEmpty()) return;
        try {
            jdbi.useHandle(h -> {
                Instant now = JobSchedulers.SCHEDULER_CLOCK.instant();
                for (Claimed row : running) {
                    h.createUpdate("update " + row.table() + " set last_heartbeat = :now"
                                    + " where task_name = :name and task_instance = :id and version = :version and picked = true")
                            .bind("now", now).bind("name", row.taskName()).bind("id", row.id()).bind("version", CLAIMED_VERSION)
                            .execute();
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not record the heartbeats of this replica's running jobs: {}", e.getMessage());
        }
    }

    /** Claims nothing more and waits a while for the runs under way; a run still going is left to its heartbeats' end. */
    void stop() {
        stopping = true;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(MOST_WAIT_AT_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} jobs were still running at the stop; other replicas run them again", running.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            heartbeats.shutdownNow();
        }
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
