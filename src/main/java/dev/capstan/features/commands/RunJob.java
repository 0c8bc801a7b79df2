package dev.capstan.features.commands;

import dev.capstan.jenkins.JenkinsAccess;
import dev.capstan.command.PermanentFailure;
import dev.capstan.command.Reply;
import dev.capstan.jobs.JobFailure;
import dev.capstan.jobs.JobResult;
import dev.capstan.jobs.JobRun;
import dev.capstan.jobs.JobType;
import dev.capstan.platform.Durations;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable job of a run: one step at a time (a restart of Capstan resumes at the step it stood at), the message
 * updated when something visible changed, the result rendered when the action ended, and the key freed at the end.
 */
final class RunJob {
    private static final Logger log = LoggerFactory.getLogger(RunJob.class);

    private final CommandServices services;
    private final HttpSteps http;
    private final LongOutput output;
    private JobType<Run> runs;

    RunJob(CommandServices services, LongOutput output) {
        this.services = services;
        this.http = new HttpSteps(services);
        this.output = output;
    }

    /**
     * The job type this job is declared as, known only once it is: a run to follow by the clock is enqueued as one at
     * an instant, whose polls ({@link JobResult#again}) are then due by Capstan's clock too.
     */
    void declaredAs(JobType<Run> runs) {
        this.runs = runs;
    }

    JobResult<Run> run(JobRun<Run> job) {
        Run run = job.data();
        LoadedCommand command = services.catalog().find(run.command()).orElseThrow(() -> new PermanentFailure(
                "`" + run.command() + "` was taken out of the configuration before it finished"));
        Declaration declaration = command.declaration();
        String ack = StartRun.ack(declaration, services.variables(run, false));
        if (services.clock().instant().isAfter(run.deadline())) {
            end(run, RunMessage.failed(services.secrets(), run.next(run.stage(), run.url(), run.number()), "it timed out after "
                    + Durations.format(declaration.action().timeout()) + lastKnown(run)));
            return JobResult.done();
        }
        Step step;
        if (declaration.action() instanceof Action.Jenkins jenkins) {
            step = new JenkinsSteps(services, services.jenkins().orElseThrow(() -> new PermanentFailure(JenkinsAccess.URL + " is not set")))
                    .step(run, declaration, jenkins, ack);
        } else if (declaration.action() instanceof Action.Ecs ecs) {
            step = new EcsSteps(services, services.ecs()).step(run, ecs, ack);
        } else {
            step = http.step(run, command, (Action.Http) declaration.action(), ack);
        }
        if (step instanceof Step.Follow follow) {
            if (follow.show() != null) services.messages().show(follow.next().messageKey(), run.channelId(), follow.next().version(), follow.show());
            runs.enqueueAt("follow:" + run.id(), services.clock().instant().plus(services.pollEvery()), follow.next());
            return JobResult.done();
        }
        if (step instanceof Step.Again again) {
            if (again.show() != null) services.messages().show(again.next().messageKey(), run.channelId(), again.next().version(), again.show());
            return JobResult.again(services.pollEvery(), again.next());
        }
        finish(run, declaration, (Step.Finished) step);
        return JobResult.done();
    }

    /** Told when the job gave up: the message says what failed, and the key is freed. */
    void gaveUp(JobRun<Run> job, JobFailure failure) {
        Run run = job.data();
        end(run, RunMessage.failed(services.secrets(), run.next(run.stage(), run.url(), run.number()), services.secrets().masked(failure.what())));
    }

    private void finish(Run run, Declaration declaration, Step.Finished finished) {
        Run last = run.next(run.stage(), run.url(), run.number());
        Duration took = Duration.between(run.startedAt(), services.clock().instant());
        String text;
        if (finished.failure() != null) {
            text = ":x: " + finished.failure();
        } else {
            Variables values = services.variables(run, false).with(finished.values(), finished.json());
            text = declaration.replies().result().render(values::variable, n -> "", Encoding::mrkdwn);
        }
        String note = RunMessage.tooLong(services.secrets(), text) ? output.upload(run, text) : null;
        end(run, RunMessage.finished(services.secrets(), last, text, finished.ok(), finished.outcome().toLowerCase(Locale.ROOT).equals("success") ? "done"
                : finished.outcome(), took, note));
    }

    private void end(Run run, Reply reply) {
        services.messages().show(run.messageKey(), run.channelId(), run.version() + 1, reply);
        if (run.lockKey() != null) {
            try {
                services.locks().release(run.lockKey(), run.id());
            } catch (RuntimeException e) {
                log.warn("Could not free the key {} of run {}; it frees itself when it expires", run.lockKey(), run.id(), e);
            }
        }
    }

    private static String lastKnown(Run run) {
        return switch (run.stage()) {
            case START -> "; nothing was sent";
            case QUEUED -> "; it was still queued in Jenkins";
            case BUILDING -> "; last known: running <" + run.url() + "|#" + run.number() + ">";
            case FOLLOWING -> "; the server was still working on it";
            case TASK -> "; last known: ECS task `" + run.url().substring(run.url().lastIndexOf('/') + 1) + "` still running";
        };
    }
}
