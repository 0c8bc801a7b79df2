package dev.capstan.features.deploy;

import dev.capstan.jobs.JobResult;
import java.util.Optional;

/** The job that writes a deployment's state to GitHub as a deployment status, unless a later state has been reached meanwhile. */
final class StatusToGitHub {
    private final Deployments deployments;
    private final GitHubDeployments github;

    StatusToGitHub(Deployments deployments, GitHubDeployments github) {
        this.deployments = deployments;
        this.github = github;
    }

    JobResult<DeployJobs.StatusData> run(DeployJobs.StatusData status) {
        Optional<Deployment> found = deployments.find(status.id());
        DeploymentState state = DeploymentState.valueOf(status.state());
        if (found.isEmpty() || found.get().githubId() == null || found.get().state().rank() > state.rank()) return JobResult.done();
        Deployment d = found.get();
        String gitHubState = state.gitHubState().orElse(null);
        if (gitHubState == null) return JobResult.done();
        github.status(d.repository(), d.githubId(), gitHubState, d.logUrl(), d.environmentUrl(),
                "Deployment #" + d.id() + " " + state.label() + (d.detail() == null || state == DeploymentState.SUCCESS ? "" : ": " + d.detail()));
        return JobResult.done();
    }
}
