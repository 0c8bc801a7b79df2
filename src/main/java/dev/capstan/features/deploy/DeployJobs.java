package dev.capstan.features.deploy;

import dev.capstan.jobs.JobType;
import java.time.Instant;

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

    /** Something about request or deployment {@code id} that is due at {@code due} (an approval's expiry, the watchdog). */
    record Due(long id, Instant due) { }

    /**
     * An environment of a repository that may have freed up: its queue moves; when a deployment ended ({@code ended}),
     * the deployments waiting for their checks there are asked again too.
     */
    record EnvironmentRef(String repository, String environment, boolean ended) { }

    /** A freeze of an environment ends at {@code due}: its held automatic deployment starts. */
    record FreezeEnd(String repository, String environment, Instant due) { }

    /** A dry run of deploying {@code ref} to {@code environment} for a person, answered on Slack's response_url. */
    record DryRunAsked(String channelId, String userId, String ref, String environment, String emergencyReason, String responseUrl,
                     Instant askedAt) { }

    /** {@code deploy <env>} without a ref, for a person: pick the environment's default ref, then deploy it (or dry-run it). */
    record DefaultRef(String channelId, String userId, String environment, String emergencyReason, boolean dryRun, String responseUrl,
                      Instant askedAt) { }

    /** Show {@code userId}, who just joined bound channel {@code channelId}, the buttons to say who they are on GitHub. */
    record ClaimOffer(String channelId, String userId) { }

    private JobType<DeploymentRef> create;
    private JobType<DeploymentRef> ciStart;
    private JobType<StatusData> githubStatus;
    private JobType<JenkinsPoll> jenkinsPoll;
    private JobType<FindRun> findRun;
    private JobType<Due> approvalExpiry;
    private JobType<Due> watchdog;
    private JobType<EnvironmentRef> queueNext;
    private JobType<FreezeEnd> thaw;
    private JobType<DryRunAsked> preflight;
    private JobType<DefaultRef> defaultRef;
    private JobType<ClaimOffer> claimOffer;
    private JobType<Due> checksTimeout;
    private JobType<FetchLeadTime.Ref> leadTime;

    void declare(JobType<DeploymentRef> create, JobType<DeploymentRef> ciStart, JobType<StatusData> githubStatus,
                 JobType<JenkinsPoll> jenkinsPoll, JobType<FindRun> findRun) {
        this.create = create;
        this.ciStart = ciStart;
        this.githubStatus = githubStatus;
        this.jenkinsPoll = jenkinsPoll;
        this.findRun = findRun;
    }

    /** The jobs of approvals, the watchdog, the queue, freezes and dry runs. */
    void declareSafety(JobType<Due> approvalExpiry, JobType<Due> watchdog, JobType<EnvironmentRef> queueNext, JobType<FreezeEnd> thaw,
                       JobType<DryRunAsked> preflight) {
        this.approvalExpiry = approvalExpiry;
        this.watchdog = watchdog;
        this.queueNext = queueNext;
        this.thaw = thaw;
        this.preflight = preflight;
    }

    /** The jobs of deploybot's ways: {@code deploy <env>} and the buttons shown to someone joining a bound channel. */
    void declareDeploybotWays(JobType<DefaultRef> defaultRef, JobType<ClaimOffer> claimOffer) {
        this.defaultRef = defaultRef;
        this.claimOffer = claimOffer;
    }

    JobType<DefaultRef> defaultRef() {
        return defaultRef;
    }

    JobType<ClaimOffer> claimOffer() {
        return claimOffer;
    }

    /** The job that ends a deployment still waiting for its checks at the environment's {@code checks_timeout}. */
    void declareChecksTimeout(JobType<Due> checksTimeout) {
        this.checksTimeout = checksTimeout;
    }

    JobType<Due> checksTimeout() {
        return checksTimeout;
    }

    /** The job that asks GitHub what a successful deployment brought out, for the lead time of the delivery metrics. */
    void declareStats(JobType<FetchLeadTime.Ref> leadTime) {
        this.leadTime = leadTime;
    }

    JobType<FetchLeadTime.Ref> leadTime() {
        return leadTime;
    }

    JobType<Due> approvalExpiry() {
        return approvalExpiry;
    }

    JobType<Due> watchdog() {
        return watchdog;
    }

    JobType<EnvironmentRef> queueNext() {
        return queueNext;
    }

    JobType<FreezeEnd> thaw() {
        return thaw;
    }

    JobType<DryRunAsked> preflight() {
        return preflight;
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
