package dev.capstan.jobs;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
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
                .execute((instance, context) -> runOnce(type, declared.handler(), instance,
                        context.getExecution().version, due, table));
    }

    private <T> CompletionHandler<JobEnvelope> runOnce(JobType<T> type, JobHandler<T> handler, TaskInstance<JobEnvelope> instance,
                                                       long version, Clock due, String table) {
        long started = System.nanoTime();
        boolean firstPick = version <= FIRST_PICK_VERSION;
        JobEnvelope envelope = instance.getData();
        JobRun<T> run;
        try {
            run = new JobRun<>(type.name(), instance.getId(), json.read(envelope.data(), type.dataType()),
                    envelope.attempt(), envelope.firstEnqueuedAt(), firstPick);
        } catch (Exception unreadable) {
            log.error("Job {} {} has data this version cannot read; dropped", type.name(), instance.getId(), unreadable);
            record(type, instance.getId(), "dropped: unreadable data", started);
            return (complete, operations) -> operations.remove();
        }
        JobScope.Row row = new JobScope.Row(table, type.name(), instance.getId(), version, envelope);
        JobScope scope = JobScope.of(scope(type, instance.getId(), "run-" + envelope.run()), row);
        try {
            JobRun<T> thisRun = run;
            JobResult<T> result = JobScope.within(scope, () -> handler.run(thisRun));
            if (result instanceof JobResult.Again<T> again) {
                JobEnvelope next = new JobEnvelope(1, envelope.firstEnqueuedAt(), json.tree(again.data()), envelope.run() + 1);
                Instant at = due.instant().plus(again.delay()).truncatedTo(ChronoUnit.MICROS);
                return (complete, operations) -> operations.reschedule(complete, at, next);
            }
            metrics.counter("capstan.jobs", "type", type.name(), "outcome", "done").increment();
            if (!((JobResult.Done<T>) result).recorded()) record(type, instance.getId(), "done", started);
            return (complete, operations) -> completions.complete(row);
        } catch (Throwable failed) {
            JobEnvelope saved = scope.saved();
            if (saved == null) return failed(type, run, envelope, failed, started, due);
            return failed(type, fromSaved(type, run, saved), saved, failed, started, due);
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
}
