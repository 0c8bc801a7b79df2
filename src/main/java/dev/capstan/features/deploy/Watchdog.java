package dev.capstan.features.deploy;

import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import dev.capstan.jobs.JobResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The watchdog of a deployment created on GitHub: a durable job at the configured time after it. If neither GitHub nor
 * CI has said anything about the deployment by then, its message says that nothing picked it up and lists the likely
 * causes for its CI, and the requester is told, once; if something did, the job does nothing.
 */
final class Watchdog {
    private final Jdbi jdbi;
    private final DeploymentProgress progress;
    private final Outbox outbox;
    private final Deadlines deadlines;

    Watchdog(Jdbi jdbi, DeploymentProgress progress, Outbox outbox, Deadlines deadlines) {
        this.jdbi = jdbi;
        this.progress = progress;
        this.outbox = outbox;
        this.deadlines = deadlines;
    }

    JobResult<DeployJobs.Due> run(DeployJobs.Due due) {
        Optional<JobResult<DeployJobs.Due>> early = deadlines.notYet(due.due(), due);
        if (early.isPresent()) return early.get();
        jdbi.useTransaction(h -> progress.advance(due.id(), false, d -> d.heard() || d.state().ended() || d.state() == DeploymentState.WAITING
                        || d.unheardAt() != null ? null : d.unheardSince(deadlines.now()))
                .filter(d -> d.requestedBy() != null)
                .ifPresent(d -> outbox.send(new Destination.DirectMessage(d.requestedBy()), Reply.text(":warning: Nothing has picked up your "
                        + "deployment #" + d.id() + " of `" + d.gitRef().label() + "` to `" + d.environment() + "` in `" + d.repository()
                        + "`: no status from GitHub or CI since it was created. Likely causes are on its message in <#" + d.channelId() + ">."))));
        return JobResult.done();
    }

    /** What the message says while nothing has picked the deployment up. */
    static String warning(Deployment d) {
        List<String> causes = new ArrayList<>();
        switch (d.ci()) {
            case "circleci" -> {
                causes.add("CircleCI's webhook (workflow-completed, job-completed) does not reach Capstan's `/circleci/webhook`, or its secret "
                        + "differs from CIRCLECI_WEBHOOK_SECRET");
                causes.add("the pipeline waits in CircleCI (an approval job, no runner, or the config has no workflow for these parameters)");
            }
            case "jenkins" -> causes.add("the Jenkins build waits in its queue (no executor free, or the job is disabled)");
            case "github_actions" -> {
                causes.add("GitHub's `workflow_run` events do not reach Capstan (the App is not subscribed to them, or lacks the Actions permission)");
                causes.add("the workflow has no `workflow_dispatch` trigger on this ref, or waits for an Actions runner");
            }
            default -> causes.add("no CI adapter is configured for `" + d.environment() + "`, and no deployment service answered GitHub's "
                    + "`deployment` event with a status");
        }
        causes.add("the GitHub App has no access to `" + d.repository() + "`, or its webhook (deployment, deployment_status) does not reach Capstan");
        return ":warning: *Nothing picked this deployment up*: no status from GitHub or CI by " + Since.of(d.unheardAt())
                + ". Likely causes:\n• " + String.join("\n• ", causes);
    }
}
