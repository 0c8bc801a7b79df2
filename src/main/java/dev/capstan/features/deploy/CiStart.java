package dev.capstan.features.deploy;

import dev.capstan.command.PermanentFailure;
import dev.capstan.jenkins.JenkinsAccess;
import dev.capstan.jenkins.JenkinsClient;
import dev.capstan.jobs.JobFailure;
import dev.capstan.jobs.JobResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The job that hands a deployment created on GitHub to its environment's CI: a CircleCI pipeline, a Jenkins build
 * (then followed by a polling job), a GitHub Actions workflow run, or nothing (an outside service reacts to GitHub's
 * {@code deployment} event). The deployment is queued with the CI's link as its log.
 */
final class CiStart {
    private final Deployments deployments;
    private final Environments environments;
    private final DeploymentProgress progress;
    private final DeployJobs jobs;
    private final CircleCiClient circleCi;
    private final Optional<JenkinsClient> jenkins;
    private final GitHubWorkflows workflows;

    CiStart(Deployments deployments, Environments environments, DeploymentProgress progress, DeployJobs jobs, CircleCiClient circleCi,
            Optional<JenkinsClient> jenkins, GitHubWorkflows workflows) {
        this.deployments = deployments;
        this.environments = environments;
        this.progress = progress;
        this.jobs = jobs;
        this.circleCi = circleCi;
        this.jenkins = jenkins;
        this.workflows = workflows;
    }

    JobResult<DeployJobs.DeploymentRef> run(DeployJobs.DeploymentRef ref) {
        Optional<Deployment> found = deployments.find(ref.id());
        if (found.isEmpty() || found.get().state().ended() || found.get().ciRef() != null) return JobResult.done();
        Deployment d = found.get();
        CiSettings ci = environments.find(d.environment()).map(Environments.Environment::ci).orElse(CiSettings.NONE);
        if (ci.circleci() != null) {
            Map<String, Object> parameters = new LinkedHashMap<>(Templates.fill(ci.circleci().parameters(), d));
            parameters.put("capstan_deployment_id", d.githubId());
            parameters.put("capstan_sha", d.sha() == null ? "" : d.sha());
            CircleCiClient.Pipeline pipeline = circleCi.trigger(d.repository(), d.gitRef(), parameters);
            queued(d, pipeline.id(), pipeline.url());
        } else if (ci.jenkins() != null) {
            Map<String, String> parameters = new LinkedHashMap<>();
            Templates.fill(ci.jenkins().parameters(), d).forEach((k, v) -> parameters.put(k, String.valueOf(v)));
            String queueUrl = jenkins.orElseThrow(() -> new PermanentFailure(JenkinsAccess.URL + ", " + JenkinsAccess.USER + " and "
                    + JenkinsAccess.TOKEN + " (or " + JenkinsAccess.PASSWORD + ") must all be set for Jenkins deployments"))
                    .trigger(ci.jenkins().job(), JenkinsClient.form(parameters), JenkinsClient.TriggerRetry.WHEN_BUSY);
            queued(d, queueUrl, null);
            jobs.jenkinsPoll().enqueueOnce("deploy-jenkins-" + d.id(), new DeployJobs.JenkinsPoll(d.id(), queueUrl, null));
        } else if (ci.githubActions() != null) {
            Map<String, Object> inputs = new LinkedHashMap<>(Templates.fill(ci.githubActions().inputs(), d));
            inputs.put("deployment_id", String.valueOf(d.githubId()));
            GitHubWorkflows.Dispatched dispatched = workflows.dispatch(d.repository(), ci.githubActions().workflow(), d.gitRef().name(), inputs);
            if (dispatched instanceof GitHubWorkflows.Dispatched.Started started) {
                queued(d, started.run().id(), started.run().url());
            } else if (dispatched instanceof GitHubWorkflows.Dispatched.ToFind) {
                progress.advance(d.id(), true, x -> x.with(DeploymentState.QUEUED, null));
                jobs.findRun().enqueueOnceAt("deploy-find-run-" + d.id(), Instant.EPOCH, new DeployJobs.FindRun(d.id(), 0));
            } else if (dispatched instanceof GitHubWorkflows.Dispatched.Refused refused) {
                progress.advance(d.id(), true, x -> x.with(DeploymentState.ERROR, refused.why()));
            }
        }
        return JobResult.done();
    }

    private void queued(Deployment d, String ciRef, String logUrl) {
        progress.advance(d.id(), true, x -> x.withCi(ciRef, logUrl).with(DeploymentState.QUEUED, null));
    }

    /** The CI refused or never answered: the deployment ends in error with the CI's reason. */
    void gaveUp(long id, JobFailure failure) {
        progress.advance(id, true, x -> x.with(DeploymentState.ERROR, "CI did not start it: " + failure.sentence()));
    }
}
