package dev.capstan.features.deploy;

import dev.capstan.jobs.JobType;

/** The family's durable job types, declared at registration and handed to the parts that enqueue them. */
final class DeployJobs {
    /** Which deployment a job is about. */
    record DeploymentRef(long id) { }

    /** Write the deployment's state {@code state} to GitHub as a deployment status. */
    record StatusData(long id, String state) { }

    /** Follow a Jenkins queue item, then its build. */
    record JenkinsPoll(long id, String queueUrl, String buildUrl) { }

    /** Look for the Actions run a dispatch started; {@code polls} so far. */
    record FindRun(long id, int polls) { }

    private JobType<DeploymentRef> create;
    private JobType<DeploymentRef> ciStart;
    private JobType<StatusData> githubStatus;
    private JobType<JenkinsPoll> jenkinsPoll;
    private JobType<FindRun> findRun;

    void declare(JobType<DeploymentRef> create, JobType<DeploymentRef> ciStart, JobType<StatusData> githubStatus,
                 JobType<JenkinsPoll> jenkinsPoll, JobType<FindRun> findRun) {
        this.create = create;
        this.ciStart = ciStart;
        this.githubStatus = githubStatus;
        this.jenkinsPoll = jenkinsPoll;
        this.findRun = findRun;
    }

    JobType<DeploymentRef> create() {
        return create;
    }

    JobType<DeploymentRef> ciStart() {
        return ciStart;
    }

    JobType<StatusData> githubStatus() {
        return githubStatus;
    }

    JobType<JenkinsPoll> jenkinsPoll() {
        return jenkinsPoll;
    }

    JobType<FindRun> findRun() {
        return findRun;
    }
}
