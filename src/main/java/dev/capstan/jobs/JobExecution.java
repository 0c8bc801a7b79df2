package dev.capstan.jobs;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: reads its data, runs its handler in the job's scope, and turns the result into db-scheduler's next
 * step (done, again later, a retry with backoff, or given up); every final outcome is audited.
 */
final class JobExecution {
    private static final Logger log = LoggerFactory.getLogger(JobExecution.class);
    /**
     * A row is written at version 1 ({@link JobEnqueuer}) and db-scheduler adds one each time it picks, reschedules
     * (a retry, a run again) or revives it after its replica died: a run at version 2 is the row's first.
     */
    private static final long FIRST_PICK_VERSION = 2;

    private final JobJson json;
    private final AuditLog audit;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final JobCompletions completions;

    JobExecution(JobJson json, AuditLog audit, MeterRegistry metrics, Clock clock, JobCompletions completions) {
        this.json = json;
        this.completions = completions;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What follows a run: its row removed (done, given up or unreadable), or run again at an instant with new data. */
    private sealed interface Next {
        record Remove(JobScope.Row row) implements Next { }

        record Reschedule(JobScope.Row row, Instant at, JobEnvelope envelope) implements Next { }
    }

    /**
     * The type's task for one of the two schedulers; a run again or a retry is due by that scheduler's {@code due} clock,
     * at the microsecond the databases keep (a finer instant could be rounded up past the moment it is due).
     */
    <T> Task<JobEnvelope> task(JobRegistry.Declared<T> declared, Clock due, String table) {
        JobType<T> type = declared.type();
        return Tasks.custom(type.name(), JobEnvelope.class)
                .onDeadExecutionRevive()
                .onFailure((complete, operations) -> {
                    log.error("Job {} {} could not be read by this version and is dropped", type.name(),
                            complete.getExecution().taskInstance.getId(), complete.getCause().orElse(null));
                    operations.remove();
                })
                .execute((instance, context) -> {
                    Next next = runOnce(type, declared.handler(), instance.getId(), instance.getData(),
                            context.getExecution().version, due, table);
                    if (next instanceof Next.Reschedule again) return (complete, operations) -> operations.reschedule(complete, again.at(), again.envelope());
                    return (complete, operations) -> completions.complete(((Next.Remove) next).row());
                });
    }

    /** Runs a row this replica claimed as its ack wrote it ({@link LocalRuns}), and takes the next step itself. */
    <T> void runClaimed(JobRegistry.Declared<T> declared, String id, JobEnvelope envelope, String table) {
        Next next = runOnce(declared.type(), declared.handler(), id, envelope, LocalRuns.CLAIMED_VERSION, JobSchedulers.SCHEDULER_CLOCK, table);
        if (next instanceof Next.Reschedule again) {
            completions.reschedule(again.row(), again.at(), json.bytes(again.envelope()));
        } else {
            completions.complete(((Next.Remove) next).row());
        }
    }

    private <T> Next runOnce(JobType<T> type, JobHandler<T> handler, String id, JobEnvelope envelope, long version, Clock due, String table) {
        long started = System.nanoTime();
        boolean firstPick = version <= FIRST_PICK_VERSION;
        JobScope.Row row = new JobScope.Row(table, type.name(), id, version, envelope);
        JobRun<T> run;
        try {
            run = new JobRun<>(type.name(), id, json.read(envelope.data(), type.dataType()),
                    envelope.attempt(), envelope.firstEnqueuedAt(), firstPick);
        } catch (Exception unreadable) {
            log.error("Job {} {} has data this version cannot read; dropped", type.name(), id, unreadable);
            record(type, id, "dropped: unreadable data", started);
            return new Next.Remove(row);
        }
        JobScope scope = JobScope.of(scope(type, id, "run-" + envelope.run()), row);
        try {
            JobRun<T> thisRun = run;
            JobResult<T> result = JobScope.within(scope, () -> handler.run(thisRun));
            if (result instanceof JobResult.Again<T> again) {
                JobEnvelope next = new JobEnvelope(1, envelope.firstEnqueuedAt(), json.tree(again.data()), envelope.run() + 1);
                return new Next.Reschedule(row, due.instant().plus(again.delay()).truncatedTo(ChronoUnit.MICROS), next);
            }
            metrics.counter("capstan.jobs", "type", type.name(), "outcome", "done").increment();
            if (!((JobResult.Done<T>) result).recorded()) record(type, id, "done", started);
            return new Next.Remove(row);
        } catch (Throwable failed) {
            JobEnvelope saved = scope.saved();
            if (saved == null) return failed(type, run, row, envelope, failed, started, due);
            return failed(type, fromSaved(type, run, saved), row, saved, failed, started, due);
        }
    }

    /** The run as it stands after it saved its progress: a retry, or giving up, goes on from there. */
    private <T> JobRun<T> fromSaved(JobType<T> type, JobRun<T> run, JobEnvelope saved) {
        try {
            return new JobRun<>(type.name(), run.id(), json.read(saved.data(), type.dataType()), saved.attempt(),
                    saved.firstEnqueuedAt(), run.firstPick());
        } catch (Exception e) {
            throw new IllegalStateException("Job " + type.name() + " " + run.id() + " saved data it cannot read", e);
        }
    }

    private <T> Next failed(JobType<T> type, JobRun<T> run, JobScope.Row row, JobEnvelope envelope, Throwable failed,
                            long started, Clock due) {
        JobFailure failure = JobFailure.of(failed, run.attempt());
        boolean known = JobFailure.expected(failed);
        if (!failure.permanent() && run.attempt() < type.options().attempts()) {
            Duration delay = type.options().delayBefore(run.attempt() + 1);
            if (known) log.warn("Job {} {} failed (attempt {}), retrying in {} s: {}", type.name(), run.id(), run.attempt(), delay.toSeconds(), failure.what());
            else log.error("Job {} {} failed (attempt {}), retrying in {} s", type.name(), run.id(), run.attempt(), delay.toSeconds(), failed);
            metrics.counter("capstan.jobs", "type", type.name(), "outcome", "retry").increment();
            JobEnvelope next = new JobEnvelope(run.attempt() + 1, envelope.firstEnqueuedAt(), envelope.data(), envelope.run());
            return new Next.Reschedule(row, due.instant().plus(delay).truncatedTo(ChronoUnit.MICROS), next);
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
        return new Next.Remove(row);
    }

    private static String scope(JobType<?> type, String id, String part) {
        return type.name() + "/" + id + "/" + part;
    }

    private void record(JobType<?> type, String id, String outcome, long startedNanos) {
        audit.append(AuditEntry.of(AuditEntry.Kind.JOB, clock.instant(), null, null, type.name() + " " + id, type.name(),
                "run", outcome, Duration.ofNanos(System.nanoTime() - startedNanos).toMillis(), id));
    }
}
