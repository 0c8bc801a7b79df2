package dev.capstan.jobs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable jobs on db-scheduler, in the same database. Job types and schedules are declared first (the platform's
 * and every family's), then {@link #start()} builds the schedulers with all of them. A job whose replica died is
 * revived on a live one; a failure retries with backoff unless it is permanent; every final outcome is audited.
 * Work to do soon (and its retries) runs by the system clock; work at an instant (a deadline, a cron schedule) runs
 * by Capstan's clock in a table of its own, so that a test moves its clock and then {@link #runDue} runs what is due.
 */
public final class Jobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final int MAX_ID = 200;
    /** Work to do soon is due by the system clock, whatever clock the rest of Capstan is given. */
    private static final Clock SCHEDULER_CLOCK = Clock.systemUTC();
    private static final String SOON_TABLE = "scheduled_tasks";
    private static final String AT_TABLE = "scheduled_deadlines";

    private record Declared<T>(JobType<T> type, JobHandler<T> handler) { }

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final JobSettings settings;
    private final AuditLog audit;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final JobKeys keys;
    private final ObjectMapper json;
    private final JacksonSerializer serializer;
    private final Map<String, Declared<?>> types = new LinkedHashMap<>();
    private final Map<String, RecurringJob> schedules = new LinkedHashMap<>();
    private volatile Scheduler scheduler;
    /** Deadlines and cron schedules, due by Capstan's clock to the microsecond the databases keep. */
    private volatile Scheduler deadlines;

    public Jobs(DataSource dataSource, Jdbi jdbi, JobSettings settings, AuditLog audit, MeterRegistry metrics, Clock clock) {
        this.dataSource = dataSource;
        this.jdbi = jdbi;
        this.settings = settings;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
        this.keys = new JobKeys(jdbi);
        this.json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.serializer = new JacksonSerializer(mapper -> mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }

    public JobSettings settings() {
        return settings;
    }

    /** Declares a job type whose handler is bound later with {@link #handle}: for the platform's own cycles (a command queues a job that runs the command). */
    public synchronized <T> JobType<T> declare(String name, Class<T> dataType, JobOptions<T> options) {
        if (scheduler != null) throw new IllegalStateException("Job type '" + name + "' declared after the jobs started");
        if (name == null || !name.matches("[a-z0-9][a-z0-9.\\-]{0,99}")) {
            throw new IllegalArgumentException("Job type '" + name + "' must be lower-case letters, digits, '.' and '-'");
        }
        if (types.containsKey(name) || schedules.containsKey(name)) {
            throw new IllegalArgumentException("Job type '" + name + "' registered twice");
        }
        JobType<T> type = new JobType<>(name, dataType, options, this);
        types.put(name, new Declared<>(type, null));
        return type;
    }

    public synchronized <T> void handle(JobType<T> type, JobHandler<T> handler) {
        Declared<?> declared = types.get(type.name());
        if (declared == null || declared.type() != type) throw new IllegalArgumentException("Unknown job type " + type.name());
        if (declared.handler() != null) throw new IllegalArgumentException("Job type '" + type.name() + "' handled twice");
        types.put(type.name(), new Declared<>(type, handler));
    }

    /** Declares a job type and its handler at once: what a family does. */
    public <T> JobType<T> define(String name, Class<T> dataType, JobOptions<T> options, JobHandler<T> handler) {
        JobType<T> type = declare(name, dataType, options);
        handle(type, handler);
        return type;
    }

    /** Work on a cron schedule (with seconds), once per firing across all replicas. */
    public synchronized void schedule(RecurringJob job) {
        if (scheduler != null) throw new IllegalStateException("Schedule '" + job.name() + "' added after the jobs started");
        if (types.containsKey(job.name()) || schedules.putIfAbsent(job.name(), job) != null) {
            throw new IllegalArgumentException("Schedule '" + job.name() + "' registered twice");
        }
    }

    /**
     * Builds and starts two db-schedulers with every declared type: one for work to do soon, by the system clock, and
     * one for work at an instant (deadlines and the cron schedules), by Capstan's clock.
     */
    public synchronized void start() {
        List<Task<?>> soon = new ArrayList<>();
        List<Task<?>> at = new ArrayList<>();
        for (Declared<?> declared : types.values()) {
            if (declared.handler() == null) throw new IllegalStateException("Job type '" + declared.type().name() + "' has no handler");
            soon.add(task(declared, SCHEDULER_CLOCK));
            at.add(task(declared, clock));
        }
        List<RecurringTask<Void>> recurring = new ArrayList<>();
        for (RecurringJob job : schedules.values()) {
            recurring.add(Tasks.recurring(job.name(), Schedules.cron(job.cron(), job.zone()))
                    .execute((instance, context) -> JobScope.run(job.name() + "/" + context.getExecution().executionTime, job.work())));
        }
        String name = replicaName();
        deadlines = Scheduler.create(dataSource, at)
                .tableName(AT_TABLE)
                .clock(() -> clock.instant().truncatedTo(ChronoUnit.MICROS))
                .startTasks(recurring)
                .serializer(serializer)
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .threads(Math.max(1, settings.threads() / 2))
                .schedulerName(new SchedulerName.Fixed(name))
                .alwaysPersistTimestampInUTC()
                .build();
        scheduler = Scheduler.create(dataSource, soon)
                .tableName(SOON_TABLE)
                .serializer(serializer)
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .threads(settings.threads())
                .schedulerName(new SchedulerName.Fixed(name))
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .build();
        deadlines.start();
        scheduler.start();
    }

    /** Started and not shutting down: part of what /readyz reports. */
    public boolean running() {
        return running(scheduler) && running(deadlines);
    }

    private static boolean running(Scheduler current) {
        if (current == null) return false;
        var state = current.getSchedulerState();
        return state.isStarted() && !state.isShuttingDown();
    }

    /**
     * Runs every job due by Capstan's clock now (deadlines and cron schedules, on whichever replica picks each) and
     * returns once none is left due or running; what a test calls after moving its clock. Throws after {@code atMost}.
     */
    public void runDue(Duration atMost) {
        Scheduler current = deadlines;
        if (current == null) throw new IllegalStateException("The jobs have not started");
        long giveUp = System.nanoTime() + atMost.toNanos();
        while (true) {
            Instant now = clock.instant();
            List<String> due = new ArrayList<>();
            current.fetchScheduledExecutions(ScheduledExecutionsFilter.all(), execution -> {
                if (!execution.getExecutionTime().isAfter(now)) due.add(execution.getTaskInstance().getTaskName() + " "
                        + execution.getTaskInstance().getId() + (execution.isPicked() ? " (running)" : ""));
            });
            if (due.isEmpty()) return;
            if (System.nanoTime() > giveUp) throw new IllegalStateException("Jobs still due after " + atMost + ": " + due);
            current.triggerCheckForDueExecutions();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while running the jobs due", e);
            }
        }
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
        Scheduler current = scheduler;
        Scheduler atInstants = deadlines;
        try {
            if (current != null) current.stop();
        } finally {
            if (atInstants != null) atInstants.stop();
        }
    }

    /** A job without a key of its own: keyed by the job run that enqueues it, if any, else by a random id. */
    <T> void enqueueFresh(JobType<T> type, T data) {
        String key = JobScope.nextKey();
        if (key == null) enqueue(type, UUID.randomUUID().toString(), Instant.EPOCH, data, false);
        else enqueue(type, key, Instant.EPOCH, data, true);
    }

    /**
     * Writes the job's row in the caller's transaction when there is one (so it commits or rolls back with the change
     * that caused it), else in its own; then wakes this replica's workers once it is committed. A job at an instant
     * still ahead by Capstan's clock is a deadline, kept apart and due by that clock; any other runs soon.
     */
    <T> boolean enqueue(JobType<T> type, String id, Instant at, T data, boolean once) {
        if (id == null || id.isBlank() || id.length() > MAX_ID) {
            throw new IllegalArgumentException("A job id must have 1 to " + MAX_ID + " characters");
        }
        boolean deadline = at.isAfter(clock.instant());
        Instant now = SCHEDULER_CLOCK.instant();
        Instant when = deadline ? at.truncatedTo(ChronoUnit.MICROS) : now;
        String table = deadline ? AT_TABLE : SOON_TABLE;
        byte[] bytes = serializer.serialize(new JobEnvelope(1, now, json.valueToTree(data), 1));
        return jdbi.withHandle(h -> h.isInTransaction() ? insert(h, table, type, id, when, bytes, once)
                : h.inTransaction(tx -> insert(tx, table, type, id, when, bytes, once)));
    }

    private boolean insert(Handle h, String table, JobType<?> type, String id, Instant when, byte[] bytes, boolean once) {
        if (once && !keys.claim(type.name(), id, clock.instant())) return false;
        int rows = h.createUpdate("insert into " + table + """
                         (task_name, task_instance, task_data, execution_time, picked, version, priority)
                        values (:name, :id, :data, :when, false, 1, 0) on conflict do nothing""")
                .bind("name", type.name()).bind("id", id).bind("data", bytes).bind("when", when).execute();
        if (rows == 1 && table.equals(SOON_TABLE)) h.afterCommit(this::wake);
        return rows == 1;
    }

    private void wake() {
        Scheduler current = scheduler;
        if (current != null) current.triggerCheckForDueExecutions();
    }

    /**
     * The type's task for one of the two schedulers; a run again or a retry is due by that scheduler's {@code due} clock,
     * at the microsecond the databases keep (a finer instant could be rounded up past the moment it is due).
     */
    private <T> Task<JobEnvelope> task(Declared<T> declared, Clock due) {
        JobType<T> type = declared.type();
        return Tasks.custom(type.name(), JobEnvelope.class)
                .onDeadExecutionRevive()
                .onFailure((complete, operations) -> {
                    log.error("Job {} {} could not be read by this version and is dropped", type.name(),
                            complete.getExecution().taskInstance.getId(), complete.getCause().orElse(null));
                    operations.remove();
                })
                .execute((instance, context) -> runOnce(type, declared.handler(), instance, due));
    }

    private <T> CompletionHandler<JobEnvelope> runOnce(JobType<T> type, JobHandler<T> handler, TaskInstance<JobEnvelope> instance,
                                                       Clock due) {
        long started = System.nanoTime();
        JobEnvelope envelope = instance.getData();
        JobRun<T> run;
        try {
            run = new JobRun<>(type.name(), instance.getId(), json.treeToValue(envelope.data(), type.dataType()),
                    envelope.attempt(), envelope.firstEnqueuedAt());
        } catch (Exception unreadable) {
            log.error("Job {} {} has data this version cannot read; dropped", type.name(), instance.getId(), unreadable);
            record(type, instance.getId(), "dropped: unreadable data", started);
            return (complete, operations) -> operations.remove();
        }
        try {
            JobRun<T> thisRun = run;
            JobResult<T> result = JobScope.within(scope(type, instance.getId(), "run-" + envelope.run()), () -> handler.run(thisRun));
            if (result instanceof JobResult.Again<T> again) {
                JobEnvelope next = new JobEnvelope(1, envelope.firstEnqueuedAt(), json.valueToTree(again.data()), envelope.run() + 1);
                Instant at = due.instant().plus(again.delay()).truncatedTo(ChronoUnit.MICROS);
                return (complete, operations) -> operations.reschedule(complete, at, next);
            }
            metrics.counter("capstan.jobs", "type", type.name(), "outcome", "done").increment();
            record(type, instance.getId(), "done", started);
            return (complete, operations) -> operations.remove();
        } catch (Throwable failed) {
            return failed(type, run, envelope, failed, started, due);
        }
    }

    private <T> CompletionHandler<JobEnvelope> failed(JobType<T> type, JobRun<T> run, JobEnvelope envelope, Throwable failed,
                                                      long started, Clock due) {
        JobFailure failure = JobFailure.of(failed, run.attempt());
        boolean known = JobFailure.expected(failed);
        if (!failure.permanent() && run.attempt() < type.options().attempts()) {
            Duration delay = type.options().delayBefore(run.attempt() + 1);
            if (known) log.warn("Job {} {} failed (attempt {}), retrying in {} s: {}", type.name(), run.id(), run.attempt(), delay.toSeconds(), failure.what());
            else log.error("Job {} {} failed (attempt {}), retrying in {} s", type.name(), run.id(), run.attempt(), delay.toSeconds(), failed);
            metrics.counter("capstan.jobs", "type", type.name(), "outcome", "retry").increment();
            JobEnvelope next = new JobEnvelope(run.attempt() + 1, envelope.firstEnqueuedAt(), envelope.data(), envelope.run());
            Instant at = due.instant().plus(delay).truncatedTo(ChronoUnit.MICROS);
            return (complete, operations) -> operations.reschedule(complete, at, next);
        }
        if (known) log.warn("Job {} {} gave up: {}", type.name(), run.id(), failure.sentence());
        else log.error("Job {} {} gave up: {}", type.name(), run.id(), failure.sentence(), failed);
        metrics.counter("capstan.jobs", "type", type.name(), "outcome", "gave up").increment();
        record(type, run.id(), "gave up: " + failure.sentence(), started);
        try {
            JobScope.within(scope(type, run.id(), "gave-up"), () -> {
                type.options().gaveUp().gaveUp(run, failure);
                return null;
            });
        } catch (Exception e) {
            log.error("Telling about job {} {} giving up failed too", type.name(), run.id(), e);
        }
        return (complete, operations) -> operations.remove();
    }

    private static String scope(JobType<?> type, String id, String part) {
        return type.name() + "/" + id + "/" + part;
    }

    private void record(JobType<?> type, String id, String outcome, long startedNanos) {
        audit.append(AuditEntry.of(AuditEntry.Kind.JOB, clock.instant(), null, null, type.name() + " " + id, type.name(),
                "run", outcome, Duration.ofNanos(System.nanoTime() - startedNanos).toMillis(), id));
    }

    private static String replicaName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "capstan";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
