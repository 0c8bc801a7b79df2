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
import org.jdbi.v3.core.Jdbi;

/**
 * The platform's own work queue: slow commands and slow confirmed actions, run by a job worker after the ack. The job
 * types are declared first, because the pipeline and the confirmations queue into them; {@link #runWith} binds the
 * workers once those exist. "Ran" and "delivered" are apart: a command's reply is queued under the job's id, in one
 * transaction with its audit entry's outcome, and a job run again after its replica died finds that reply queued and
 * does not run the command again.
 */
public final class CommandJobs implements JobQueue {
    /** A slow command: what Slack sent, and the audit entry its outcome completes. */
    public record CommandJob(Invocation invocation, long auditId) { }

    /** A confirmed slow action: which pending action, whose, and where the outcome goes. */
    public record ConfirmationJob(String pendingActionId, String ownerId, String responseUrl, Instant clickedAt) {
        Destination destination() {
            return new Destination.ResponseUrl(responseUrl, ownerId, clickedAt);
        }
    }

    private final Jobs jobs;
    private final Jdbi jdbi;
    private final JobType<CommandJob> commands;
    private final JobType<ConfirmationJob> confirmations;
    private DurableOutbox outbox;
    private AuditLog audit;
    private Confirmations pending;

    public CommandJobs(Jobs jobs, Jdbi jdbi) {
        this.jobs = jobs;
        this.jdbi = jdbi;
        this.commands = jobs.declare("slow-command", CommandJob.class, JobOptions.retrying(jobs.settings(), (run, failure) -> {
            CommandJob job = run.data();
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
            // A slow command's job id is random, so on its row's first pick no reply can be queued under it yet.
            if (!run.firstPick() && replies.queued(replyKey(run))) return JobResult.done();
            CommandJob job = run.data();
            CommandPipeline.Finished finished = pipeline.runQueued(job.invocation());
            jdbi.useTransaction(h -> {
                auditLog.complete(job.auditId(), finished.outcome(), finished.durationMs());
                replies.sendOnce(replyKey(run), responseUrl(job.invocation()), finished.reply());
            });
            return JobResult.done();
        });
        jobs.handle(confirmations, run -> {
            if (replies.queued(replyKey(run))) return JobResult.done();
            ConfirmationJob job = run.data();
            replies.sendOnce(replyKey(run), job.destination(), confirmed.runConfirmed(job.pendingActionId()).replacingOriginal());
            return JobResult.done();
        });
    }

    @Override
    public long enqueueCommand(String jobId, Invocation invocation, AuditEntry queued) {
        return jdbi.inTransaction(h -> {
            long auditId = audit.record(queued);
            commands.enqueueAt(jobId, Instant.EPOCH, new CommandJob(invocation, auditId));
            return auditId;
        });
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
