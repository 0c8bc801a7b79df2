package dev.capstan.features.deploy;

import dev.capstan.jobs.JobResult;
import java.time.Duration;
import java.util.Optional;

/** Finds the Actions run a dispatch started when GitHub did not say (older servers): by the deployment id in the run's title. */
final class ActionsRunFinder {
    static final int MAX_POLLS = 30;
    private final Deployments deployments;
    private final Environments environments;
    private final DeploymentProgress progress;
    private final GitHubWorkflows workflows;
    private final Duration interval;

    ActionsRunFinder(Deployments deployments, Environments environments, DeploymentProgress progress, GitHubWorkflows workflows, Duration interval) {
        this.deployments = deployments;
        this.environments = environments;
        this.progress = progress;
        this.workflows = workflows;
        this.interval = interval;
    }

    JobResult<DeployJobs.FindRun> run(DeployJobs.FindRun find) {
        Optional<Deployment> found = deployments.find(find.id());
        if (found.isEmpty() || found.get().state().ended() || found.get().ciRef() != null || found.get().githubId() == null) {
            return JobResult.done();
        }
        Deployment d = found.get();
        Optional<CiSettings.GitHubActions> actions = environments.find(d.environment()).map(e -> e.ci().githubActions());
        if (actions.isEmpty()) return JobResult.done();
        Optional<GitHubWorkflows.Run> run = workflows.findRun(d.repository(), actions.get().workflow(), d.githubId());
        if (run.isPresent()) {
            progress.advance(d.id(), false, x -> x.ciRef() != null ? null : x.heardOf().withCi(run.get().id(), run.get().url()));
            return JobResult.done();
        }
        if (find.polls() + 1 >= MAX_POLLS) {
            progress.advance(d.id(), true, x -> x.with(DeploymentState.ERROR, "The workflow run did not show up; its `run-name` must "
                    + "include `${{ inputs.deployment_id }}` so that Capstan can find it."));
            return JobResult.done();
        }
        return JobResult.again(interval, new DeployJobs.FindRun(d.id(), find.polls() + 1));
    }
}
