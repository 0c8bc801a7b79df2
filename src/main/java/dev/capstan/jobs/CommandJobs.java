package dev.capstan.jobs;

import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditLog;
import dev.capstan.command.CommandPipeline;
import dev.capstan.command.Confirmations;
import dev.capstan.command.Destination;
import dev.capstan.command.Invocation;
import dev.capstan.command.JobQueue;
import dev.capstan.command.Reply;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's own work queue: slow commands and slow confirmed actions, run by a job worker after the ack. The job
 * types are declared first, because the pipeline and the confirmations queue into them; {@link #runWith} binds the
 * workers once those exist. A slow command's job runs in two steps: it runs the command and, in one transaction, records
 * the audit entry's outcome and saves the reply in its own row; then it sends that reply and completes. A retry of a send
 * Slack refused, or a run again after the replica died, finds the reply saved and sends it without running the command
 * again; the job's completion is the record that the reply's last message was sent. Acks that queue slow commands at
 * the same time share one transaction ({@link GroupCommit}), and so do workers recording what their commands decided.
 */
public final class CommandJobs implements JobQueue {
    private static final Logger log = LoggerFactory.getLogger(CommandJobs.class);

    /** A slow command: what Slack sent, the audit entry its outcome completes, and its reply once it ran (null before). */
    public record CommandJob(Invocation invocation, long auditId, Reply reply) {
        CommandJob answered(Reply decided) {
            return new CommandJob(invocation, auditId, decided);
        }
    }

    /** A confirmed slow action: which pending action, whose, and where the outcome goes. */
    public record ConfirmationJob(String pendingActionId, String ownerId, String responseUrl, Instant clickedAt) {
        Destination destination() {
            return new Destination.ResponseUrl(responseUrl, ownerId, clickedAt);
        }
    }

    private record Queued(String jobId, Invocation invocation, AuditEntry entry) { }

    /** A command's outcome for its audit entry and its reply for its row, saved in the run's scope. */
    private record Decided(JobScope scope, JobRun<CommandJob> run, CommandJob job, String outcome, long durationMs) { }

    private final Jobs jobs;
    private final GroupCommit<Queued, Long> queueing;
    private final GroupCommit<Decided, Boolean> deciding;
    private final JobType<CommandJob> commands;
    private final JobType<ConfirmationJob> confirmations;
    private DurableOutbox outbox;
    private AuditLog audit;
    private Confirmations pending;

    public CommandJobs(Jobs jobs, Jdbi jdbi) {
        this.jobs = jobs;
        this.queueing = new GroupCommit<>(jdbi, this::queueAll);
        this.deciding = new GroupCommit<>(jdbi, this::decideAll);
        this.commands = jobs.declare("slow-command", CommandJob.class, JobOptions.retrying(jobs.settings(), (run, failure) -> {
            CommandJob job = run.data();
            if (job.reply() != null) {
                log.error("Gave up sending the reply of `{} {}`: {}", job.invocation().slashCommand(), job.invocation().text(), failure.sentence());
                return;
            }
            audit.complete(job.auditId(), "error: gave up: " + failure.sentence(), 0);
            outbox.sendOnce(replyKey(run), responseUrl(job.invocation()), Reply.text(":warning: I gave up on `" + job.invocation().slashCommand()
                    + " " + job.invocation().text() + "`: " + failure.sentence() + ". Please try again later."));
        }));
        this.confirmations = jobs.declare("confirmed-action", ConfirmationJob.class, JobOptions.retrying(jobs.settings(),
                (run, failure) -> outbox.sendOnce(replyKey(run), run.data().destination(),
                        pending.gaveUp(run.data().pendingActionId(), failure.sentence()).replacingOriginal())));
    }

    /** Binds the workers: a slow command runs through the pipeline again, a confirmed action through the confirmations. */
    public void runWith(CommandPipeline pipeline, Confirmations confirmed, DurableOutbox replies, AuditLog auditLog) {
        this.outbox = replies;
        this.audit = auditLog;
        this.pending = confirmed;
        jobs.handle(commands, run -> {
            CommandJob job = run.data();
            boolean decidedNow = job.reply() == null;
            if (decidedNow) {
                // On its row's first pick the command cannot have run; after that, a completed audit entry says it did.
                if (!run.firstPick() && auditLog.completed(job.auditId())) return JobResult.done();
                CommandPipeline.Finished finished = pipeline.runQueued(job.invocation());
                job = job.answered(finished.reply());
                deciding.commit(new Decided(JobScope.current(), run, job, finished.outcome(), finished.durationMs()));
            }
            replies.sendFromJob(replyKey(run), responseUrl(job.invocation()), job.reply(), decidedNow);
            return JobResult.doneRecorded();
        });
        jobs.handle(confirmations, run -> {
            if (replies.queued(replyKey(run))) return JobResult.done();
            ConfirmationJob job = run.data();
            replies.sendOnce(replyKey(run), job.destination(), confirmed.runConfirmed(job.pendingActionId()).replacingOriginal());
            return JobResult.done();
        });
    }

    /** Acks waiting at the same time share the transaction that queues their commands. */
    @Override
    public long enqueueCommand(String jobId, Invocation invocation, AuditEntry queued) {
        return queueing.commit(new Queued(jobId, invocation, queued));
    }

    private List<Long> queueAll(List<Queued> parts) {
        List<Long> auditIds = audit.recordAll(parts.stream().map(Queued::entry).toList());
        Map<String, CommandJob> byId = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            byId.put(parts.get(i).jobId(), new CommandJob(parts.get(i).invocation(), auditIds.get(i), null));
        }
        commands.enqueueAll(byId);
        return auditIds;
    }

    /** Workers deciding at the same time share the transaction that records their outcomes and saves their replies. */
    private List<Boolean> decideAll(List<Decided> parts) {
        audit.completeAll(parts.stream().map(part -> new AuditLog.Outcome(part.job().auditId(), part.outcome(), part.durationMs())).toList());
        commands.saveAll(parts.stream().map(part -> new JobEnqueuer.Progress<>(part.scope(), part.run(), part.job())).toList());
        return parts.stream().map(part -> true).toList();
    }

    @Override
    public void enqueueConfirmation(String pendingActionId, String ownerId, String responseUrl, Instant clickedAt) {
        confirmations.enqueueAt(pendingActionId, Instant.EPOCH, new ConfirmationJob(pendingActionId, ownerId, responseUrl, clickedAt));
    }

    /** The key a job's one reply is queued under: whatever runs it, and however often, one reply goes out. */
    private static String replyKey(JobRun<?> run) {
        return run.type() + "/" + run.id();
    }

    private static Destination responseUrl(Invocation invocation) {
        return new Destination.ResponseUrl(invocation.responseUrl(), invocation.userId(), invocation.receivedAt());
    }
}
