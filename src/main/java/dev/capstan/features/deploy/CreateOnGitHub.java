package dev.capstan.features.deploy;

import dev.capstan.jobs.JobFailure;
import dev.capstan.jobs.JobResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The job that creates a requested (or waiting) deployment on GitHub, then hands it to its CI adapter and sets its
 * watchdog. Failing required checks make it wait for a green commit status; GitHub's other refusals end it with
 * GitHub's reason.
 */
final class CreateOnGitHub {
    private final Deployments deployments;
    private final Environments environments;
    private final GitHubDeployments github;
    private final Progress progress;
    private final DeployJobs jobs;
    private final Clock clock;

    CreateOnGitHub(Deployments deployments, Environments environments, GitHubDeployments github, Progress progress, DeployJobs jobs,
                   Clock clock) {
        this.deployments = deployments;
        this.environments = environments;
        this.github = github;
        this.progress = progress;
        this.jobs = jobs;
        this.clock = clock;
    }

    JobResult<DeployJobs.DeploymentRef> run(DeployJobs.DeploymentRef ref) {
        Optional<Deployment> found = deployments.find(ref.id());
        if (found.isEmpty() || found.get().state().rank() > DeploymentState.WAITING.rank()) return JobResult.done();
        Deployment d = found.get();
        Optional<Environments.Environment> env = environments.find(d.environment());
        if (env.isEmpty()) {
            progress.advance(d.id(), false, x -> x.with(DeploymentState.REFUSED, "`" + d.environment() + "` is no longer configured."));
            return JobResult.done();
        }
        GitHubDeployments.Created created = github.create(d, env.get().requiredContexts());
        if (created instanceof GitHubDeployments.Created.Done done) {
            progress.advance(d.id(), false, x -> x.withGitHub(done.id(), done.sha() == null ? x.sha() : done.sha())
                    .with(DeploymentState.CREATED, null));
            jobs.ciStart().enqueueOnce("deploy-ci-" + d.id(), ref);
            Instant due = clock.instant().plus(env.get().policy().watchdog());
            jobs.watchdog().enqueueOnceAt("deploy-watchdog-" + d.id(), due, new DeployJobs.Due(d.id(), due));
        } else if (created instanceof GitHubDeployments.Created.ChecksNotGreen waiting) {
            String which = waiting.contexts().isEmpty() ? "the required checks" : String.join(", ", waiting.contexts());
            String sha = d.sha() != null ? d.sha() : github.sha(d.repository(), d.gitRef());
            progress.advance(d.id(), false, x -> x.withGitHub(x.githubId(), sha).with(DeploymentState.WAITING, ":vertical_traffic_light: Waiting for " + which
                    + " to pass; it starts by itself when GitHub reports a successful commit status."));
        } else if (created instanceof GitHubDeployments.Created.Refused refused) {
            progress.advance(d.id(), false, x -> x.with(DeploymentState.REFUSED, refused.why()));
        }
        return JobResult.done();
    }

    /** The job gave up (GitHub kept failing, or is not configured): the deployment ends with the reason. */
    void gaveUp(long id, JobFailure failure) {
        progress.advance(id, false, x -> x.with(DeploymentState.ERROR, "Could not create it on GitHub: " + failure.sentence()));
    }
}
