package dev.capstan.features.deploy;

import dev.capstan.command.Destination;
import dev.capstan.command.Messages;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/**
 * Moves a deployment forward and keeps everything that follows from it together, in one transaction: its row (never
 * back to an earlier state, never past its first ending), its message (the row's revision is the message's version),
 * the environment freed when it ends or waits for checks (and its queue moved on), the requester's DM when it ends badly, and the status
 * written to GitHub.
 */
final class DeploymentProgress {
    private final Jdbi jdbi;
    private final Deployments deployments;
    private final DeployLocks locks;
    private final Messages messages;
    private final Outbox outbox;
    private final DeployJobs jobs;
    private final Clock clock;

    DeploymentProgress(Jdbi jdbi, Deployments deployments, DeployLocks locks, Messages messages, Outbox outbox, DeployJobs jobs, Clock clock) {
        this.jdbi = jdbi;
        this.deployments = deployments;
        this.locks = locks;
        this.messages = messages;
        this.outbox = outbox;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Applies {@code change} to the deployment unless it would move it back or it has ended; {@code tellGitHub} writes
     * the new state as a GitHub deployment status (not when the change came from GitHub). Empty when nothing changed.
     */
    Optional<Deployment> advance(long id, boolean tellGitHub, UnaryOperator<Deployment> change) {
        return jdbi.inTransaction(h -> {
            Optional<Deployment> locked = deployments.lockRow(h, id);
            if (locked.isEmpty()) return Optional.empty();
            Deployment current = locked.get();
            Deployment next = change.apply(current);
            if (next == null || current.state().ended() || next.state().rank() < current.state().rank() || next.equals(current)) {
                return Optional.empty();
            }
            Deployment saved = deployments.save(h, next);
            show(saved);
            if (saved.state().ended()) {
                locks.releaseRun(h, saved.repositoryKey(), saved.environment(), saved.id());
                jobs.queueNext().enqueue(new DeployJobs.EnvironmentRef(saved.repository(), saved.environment(), true));
                if (saved.state() == DeploymentState.SUCCESS) {
                    jobs.leadTime().enqueueOnce("deploy-lead-time-" + saved.id(), new FetchLeadTime.Ref(saved.id()));
                }
                if (saved.state().bad() && saved.requestedBy() != null) {
                    outbox.send(new Destination.DirectMessage(saved.requestedBy()), Reply.text(saved.state().emoji()
                            + " Your deployment of `" + saved.gitRef().label() + "` to `" + saved.environment() + "` in `"
                            + saved.repository() + "` " + saved.state().label() + (saved.detail() == null ? "." : ": " + saved.detail())
                            + " See <#" + saved.channelId() + ">."));
                }
            }
            if (tellGitHub && saved.state() != current.state() && saved.githubId() != null && saved.state().gitHubState().isPresent()) {
                jobs.githubStatus().enqueueOnce("deploy-status-" + saved.id() + "-" + saved.state().name(),
                        new DeployJobs.StatusData(saved.id(), saved.state().name()));
            }
            return Optional.of(saved);
        });
    }

    /**
     * The deployment waits for pending required checks without holding its environment: the change is applied (unless
     * it has ended meanwhile), the environment freed in the same transaction and its queue moved on (the deployments
     * waiting for checks are not asked again by that, or they would ask GitHub in a loop); {@code alsoThen} runs in
     * that transaction too.
     */
    void waitForChecks(long id, UnaryOperator<Deployment> change, Runnable alsoThen) {
        jdbi.useTransaction(h -> {
            Optional<Deployment> locked = deployments.lockRow(h, id);
            if (locked.isEmpty() || locked.get().state().ended()) return;
            Deployment current = locked.get();
            Deployment next = change.apply(current);
            if (!next.equals(current) && next.state().rank() >= current.state().rank()) show(deployments.save(h, next));
            locks.releaseRun(h, current.repositoryKey(), current.environment(), current.id());
            jobs.queueNext().enqueue(new DeployJobs.EnvironmentRef(current.repository(), current.environment(), false));
            alsoThen.run();
        });
    }

    /** Shows the deployment as its row says now. */
    void show(Deployment d) {
        messages.show(d.messageKey(), d.channelId(), d.revision(), DeploymentMessage.render(d, clock.instant()));
    }
}
