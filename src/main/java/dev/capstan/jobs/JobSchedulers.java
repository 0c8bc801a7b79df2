package dev.capstan.jobs;

import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The two db-schedulers of a replica and their life: one for work to do soon, due by the system clock whatever clock
 * the rest of Capstan is given, and one for work at an instant (deadlines and cron schedules), due by Capstan's clock
 * in a table of its own, so that a test moves its clock and then {@link #runDue} runs what is due.
 */
final class JobSchedulers {
    /** Work to do soon is due by the system clock, whatever clock the rest of Capstan is given. */
    static final Clock SCHEDULER_CLOCK = Clock.systemUTC();
    static final String SOON_TABLE = "scheduled_tasks";
    static final String AT_TABLE = "scheduled_deadlines";

    /** Fetch again once no more jobs than workers are running or waiting, ... */
    private static final double LOWER_LIMIT = 1.0;
    /**
     * ... and then lock at most two jobs a worker: one runs while the next waits behind it, so no worker idles while
     * the next batch is fetched, and a burst is still shared with the other replicas (docs/benchmarks.md).
     */
    private static final double UPPER_LIMIT = 2.0;

    private final DataSource dataSource;
    private final JobSettings settings;
    private final Clock clock;
    private final JobJson json;
    private volatile Scheduler soon;
    /** Deadlines and cron schedules, due by Capstan's clock to the microsecond the databases keep. */
    private volatile Scheduler deadlines;

    JobSchedulers(DataSource dataSource, JobSettings settings, Clock clock, JobJson json) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
    }

    /** Builds and starts both schedulers with every declared type and schedule. */
    synchronized void start(List<JobRegistry.Declared<?>> types, List<RecurringJob> schedules, JobExecution execution, String name) {
        List<Task<?>> forSoon = new ArrayList<>();
        List<Task<?>> forAt = new ArrayList<>();
        for (JobRegistry.Declared<?> declared : types) {
            forSoon.add(execution.task(declared, SCHEDULER_CLOCK, SOON_TABLE));
            forAt.add(execution.task(declared, clock, AT_TABLE));
        }
        List<RecurringTask<Void>> recurring = new ArrayList<>();
        for (RecurringJob job : schedules) {
            recurring.add(Tasks.recurring(job.name(), Schedules.cron(job.cron(), job.zone()))
                    .execute((instance, context) -> JobScope.run(job.name() + "/" + context.getExecution().executionTime, job.work())));
        }
        deadlines = Scheduler.create(dataSource, forAt)
                .tableName(AT_TABLE)
                .clock(() -> clock.instant().truncatedTo(ChronoUnit.MICROS))
                .startTasks(recurring)
                .serializer(json.serializer())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .threads(Math.max(1, settings.threads() / 2))
                .schedulerName(new SchedulerName.Fixed(name))
                .alwaysPersistTimestampInUTC()
                .build();
        SchedulerBuilder forSoonBuilder = Scheduler.create(dataSource, forSoon);
        if (locksWhatItFetches()) forSoonBuilder.pollUsingLockAndFetch(LOWER_LIMIT, UPPER_LIMIT);
        soon = forSoonBuilder
                .tableName(SOON_TABLE)
                .serializer(json.serializer())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .threads(settings.threads())
                .schedulerName(new SchedulerName.Fixed(name))
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .build();
        deadlines.start();
        soon.start();
    }

    /**
     * Whether the database picks due jobs and marks them taken in one statement ({@code FOR UPDATE SKIP LOCKED}, which
     * PostgreSQL has and H2 has not): a batch then costs one statement instead of a read and one update a job.
     */
    private boolean locksWhatItFetches() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }

    /** Started and not shutting down: part of what /readyz reports. */
    boolean running() {
        return running(soon) && running(deadlines);
    }

    private static boolean running(Scheduler current) {
        if (current == null) return false;
        var state = current.getSchedulerState();
        return state.isStarted() && !state.isShuttingDown();
    }

    /** Tells this replica's workers that work to do soon was just committed. */
    void wake() {
        Scheduler current = soon;
        if (current != null) current.triggerCheckForDueExecutions();
    }

    /**
     * Runs every job due by Capstan's clock now (deadlines and cron schedules, on whichever replica picks each) and
     * returns once none is left due or running. Throws after {@code atMost}.
     */
    void runDue(Duration atMost) {
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

    void stop() {
        Scheduler current = soon;
        Scheduler atInstants = deadlines;
        try {
            if (current != null) current.stop();
        } finally {
            if (atInstants != null) atInstants.stop();
        }
    }

    /** This replica's name in the rows it picks: the host and a random suffix, so replicas on one host differ. */
    static String replicaName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "capstan";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
