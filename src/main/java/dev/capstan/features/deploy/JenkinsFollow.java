package dev.capstan.features.deploy;

import dev.capstan.command.PermanentFailure;
import dev.capstan.jenkins.JenkinsAccess;
import dev.capstan.jenkins.JenkinsClient;
import dev.capstan.jobs.JobFailure;
import dev.capstan.jobs.JobResult;
import java.time.Duration;
import java.util.Optional;

/**
 * The durable job that follows a Jenkins deployment: the queue item until it names its build, then the build until it
 * has a result. It runs again every poll interval on whichever replica is alive, so a restart of Capstan loses nothing;
 * it stops when the queue item is gone before a build started.
 */
final class JenkinsFollow {
    private final Deployments deployments;
    private final DeploymentProgress progress;
    private final Optional<JenkinsClient> jenkins;
    private final Duration interval;

    JenkinsFollow(Deployments deployments, DeploymentProgress progress, Optional<JenkinsClient> jenkins, Duration interval) {
        this.deployments = deployments;
        this.progress = progress;
        this.jenkins = jenkins;
        this.interval = interval;
    }

    JobResult<DeployJobs.JenkinsPoll> run(DeployJobs.JenkinsPoll poll) {
        Optional<Deployment> found = deployments.find(poll.id());
        if (found.isEmpty() || found.get().state().ended()) return JobResult.done();
        JenkinsClient client = jenkins.orElseThrow(() -> new PermanentFailure(JenkinsAccess.URL + " is no longer set"));
        if (poll.buildUrl() == null) {
            JenkinsClient.Queued item = client.queueItem(poll.queueUrl());
            if (item instanceof JenkinsClient.Queued.Started started) {
                progress.advance(poll.id(), true, x -> x.heardOf().withCi(x.ciRef(), started.buildUrl()).with(DeploymentState.IN_PROGRESS, null));
                return JobResult.again(interval, new DeployJobs.JenkinsPoll(poll.id(), poll.queueUrl(), started.buildUrl()));
            }
            if (item instanceof JenkinsClient.Queued.Cancelled) {
                progress.advance(poll.id(), true, x -> x.with(DeploymentState.ERROR, "The build was cancelled in Jenkins' queue."));
                return JobResult.done();
            }
            if (item instanceof JenkinsClient.Queued.Gone) {
                progress.advance(poll.id(), true, x -> x.with(DeploymentState.ERROR,
                        "Jenkins no longer knows the queue item, and no build was seen starting."));
                return JobResult.done();
            }
            return JobResult.again(interval, poll);
        }
        JenkinsClient.Build build = client.build(poll.buildUrl());
        if (!build.ended()) return JobResult.again(interval, poll);
        DeploymentState state = switch (build.result()) {
            case "SUCCESS" -> DeploymentState.SUCCESS;
            case "FAILURE", "UNSTABLE" -> DeploymentState.FAILURE;
            default -> DeploymentState.ERROR;
        };
        progress.advance(poll.id(), true, x -> x.heardOf().with(state, state == DeploymentState.SUCCESS ? null : "Jenkins: " + build.result()));
        return JobResult.done();
    }

    void gaveUp(long id, JobFailure failure) {
        progress.advance(id, true, x -> x.with(DeploymentState.ERROR, "Lost track of the Jenkins build: " + failure.sentence()));
    }
}
