package dev.capstan.jobs;

import dev.capstan.command.AuditLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Durable jobs on db-scheduler, in the same database: what the platform and the families see of them. Job types and
 * schedules are declared first ({@link JobRegistry}), then {@link #start()} builds the schedulers with all of them
 * ({@link JobSchedulers}); rows are written by {@link JobEnqueuer} and run by {@link JobExecution}, a slow command's on
 * the replica that acked it when that replica claimed the row as it wrote it ({@link LocalRuns}). A job whose replica
 * died is revived on a live one; a failure retries with backoff unless it is permanent; every final outcome is audited.
 */
public final class Jobs implements AutoCloseable {
    private final JobSettings settings;
    private final JobKeys keys;
    private final JobRegistry registry;
    private final JobSchedulers schedulers;
    private final JobExecution execution;
    private final LocalRuns local;

    public Jobs(DataSource dataSource, Jdbi jdbi, JobSettings settings, AuditLog audit, MeterRegistry metrics, Clock clock) {
        JobJson json = new JobJson();
        this.settings = settings;
        this.keys = new JobKeys(jdbi);
        this.schedulers = new JobSchedulers(dataSource, settings, clock, json);
        this.local = new LocalRuns(jdbi, json, settings);
        this.registry = new JobRegistry(new JobEnqueuer(jdbi, clock, keys, json, schedulers::wake, local));
        this.execution = new JobExecution(json, audit, metrics, clock, new JobCompletions(jdbi));
    }

    public JobSettings settings() {
        return settings;
    }

    /** Declares a job type whose handler is bound later with {@link #handle}: for the platform's own cycles (a command queues a job that runs the command). */
    public <T> JobType<T> declare(String name, Class<T> dataType, JobOptions<T> options) {
        return registry.declare(name, dataType, options);
    }

    public <T> void handle(JobType<T> type, JobHandler<T> handler) {
        registry.handle(type, handler);
    }

    /** Declares a job type and its handler at once: what a family does. */
    public <T> JobType<T> define(String name, Class<T> dataType, JobOptions<T> options, JobHandler<T> handler) {
        JobType<T> type = declare(name, dataType, options);
        handle(type, handler);
        return type;
    }

    /** Work on a cron schedule (with seconds), once per firing across all replicas. */
    public void schedule(RecurringJob job) {
        registry.schedule(job);
    }

    /** Starts the workers with every declared type and schedule; nothing can be declared afterwards. */
    public synchronized void start() {
        List<JobRegistry.Declared<?>> types = registry.closeTypes();
        String replica = JobSchedulers.replicaName();
        schedulers.start(types, registry.schedules(), execution, replica);
        local.start(types, execution, replica);
    }

    /** Started and not shutting down: part of what /readyz reports. */
    public boolean running() {
        return schedulers.running();
    }

    /**
     * Runs every job due by Capstan's clock now (deadlines and cron schedules, on whichever replica picks each) and
     * returns once none is left due or running; what a test calls after moving its clock. Throws after {@code atMost}.
     */
    public void runDue(Duration atMost) {
        schedulers.runDue(atMost);
    }

    /** Forgets idempotency keys older than {@code before}, at most {@code batch} of them; returns how many. */
    public int forgetKeysBefore(Instant before, int batch) {
        return keys.forgetBefore(before, batch);
    }

    /** Whether a job of this type was ever enqueued with this key (within the retention period). */
    public boolean enqueuedOnce(JobType<?> type, String key) {
        return keys.claimed(type.name(), key);
    }

    @Override
    public void close() {
        try {
            local.stop();
        } finally {
            schedulers.stop();
        }
    }
}
