package dev.capstan.features.deploy;

import dev.capstan.command.ConfirmationType;
import dev.capstan.command.Destination;
import dev.capstan.command.Reply;
import dev.capstan.http.HostAllowList;
import dev.capstan.http.HttpPolicy;
import dev.capstan.http.HttpUrl;
import dev.capstan.jenkins.JenkinsAccess;
import dev.capstan.jenkins.JenkinsClient;
import dev.capstan.jobs.JobOptions;
import dev.capstan.platform.Feature;
import dev.capstan.platform.FeatureContext;
import dev.capstan.store.ApiTokens;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployments family ({@code /deploy}, {@code /cimon}; replaces signal-noise's deploybot): a channel follows a
 * repository, deployments go through GitHub Deployments and a CI adapter, each has one message that updates itself,
 * and the database lets one deployment at a time run per environment. Each environment's policy decides who deploys,
 * approvals, freeze windows and their emergency override, the watchdog and the queue; dry runs and rollbacks are verbs.
 */
public final class Deploy implements Feature {
    static final String FAMILY = "deploy";
    /** V30 to V39. */
    static final int MIGRATIONS = 30;

    /** A decision clicked on the card or on the Home tab: the clicker's Home no longer lists the request. */
    private static dev.capstan.command.Reply decided(FeatureContext context, dev.capstan.slack.Interactions.Click click,
                                                     dev.capstan.command.Reply reply) {
        context.homeChanged(click.userId());
        return reply;
    }
    private static final Logger log = LoggerFactory.getLogger(Deploy.class);

    @Override
    public String name() {
        return FAMILY;
    }

    @Override
    public void register(FeatureContext context) {
        DeploySettings settings = context.settings(DeploySettings.class);
        context.migrations(MIGRATIONS);
        String circleToken = context.secret("CIRCLECI_TOKEN", "a CircleCI personal API token, for triggering deployment pipelines");
        context.webhookSecret("circleci", "CIRCLECI_WEBHOOK_SECRET", "verifies POST /circleci/webhook");
        String circleUrl = context.variable("CIRCLECI_API_URL", "CircleCI's API base URL (default https://circleci.com)");
        JenkinsAccess jenkinsAccess = JenkinsAccess.declare(context::variable, context::secret);
        String circleApi = circleUrl == null ? CircleCiClient.DEFAULT_API_URL : circleUrl;

        Environments environments = new Environments(settings);
        Bindings bindings = new Bindings(context.jdbi(), context.clock());
        Deployments deployments = new Deployments(context.jdbi(), context.clock());
        DeployLocks locks = new DeployLocks(context.jdbi(), context.clock());
        DeployJobs jobs = new DeployJobs();
        DeploymentProgress progress = new DeploymentProgress(context.jdbi(), deployments, locks, context.messages(), context.outbox(), jobs, context.clock());
        StartDeployment starter = new StartDeployment(context.jdbi(), deployments, locks, progress, jobs);
        Deadlines deadlines = new Deadlines(context.clock(), settings.pollInterval());
        DeployQueue queue = new DeployQueue(context.jdbi(), context.clock());
        ApprovalRequests approvalRequests = new ApprovalRequests(context.jdbi());
        DeployGate gate = new DeployGate(locks, deployments, context.clock());
        ApprovalCards cards = new ApprovalCards(context.jdbi(), approvalRequests, environments, context.messages(), jobs, context.clock());
        HeldDeployments held = new HeldDeployments(context.jdbi(), queue, jobs, context.outbox());
        RequestDeployment requests = new RequestDeployment(context.jdbi(), gate, starter, queue, cards, held, locks, jobs, context.outbox());
        GitHubRest rest = new GitHubRest(context.github());
        GitHubDeployments github = new GitHubDeployments(rest);
        GitHubWorkflows workflows = new GitHubWorkflows(rest);
        CircleCiClient circleCi = new CircleCiClient(context.http("circleci", HttpPolicy.standard(hosts(context, "CIRCLECI_API_URL", circleApi))), circleApi, circleToken);
        Optional<JenkinsClient> jenkins = jenkinsAccess.client(hosts -> context.http("jenkins", HttpPolicy.standard(hosts)), context::problem, context.secretMask())
                .filter(signedIn -> jenkinsAccess.signsIn());

        CreateOnGitHub create = new CreateOnGitHub(deployments, environments, bindings, context.people(), gate, starter, github, progress,
                jobs, context.clock());
        CiStart ciStart = new CiStart(deployments, environments, progress, jobs, circleCi, jenkins, workflows);
        JenkinsFollow follow = new JenkinsFollow(deployments, progress, jenkins, settings.pollInterval());
        ActionsRunFinder finder = new ActionsRunFinder(deployments, environments, progress, workflows, settings.pollInterval());
        StatusToGitHub statuses = new StatusToGitHub(deployments, github);
        jobs.declare(
                context.job("deploy.create", DeployJobs.DeploymentRef.class, JobOptions.retrying(context.jobSettings(),
                        (run, failure) -> create.gaveUp(run.data().id(), failure)), run -> create.run(run.data())),
                context.job("deploy.ci-start", DeployJobs.DeploymentRef.class, JobOptions.retrying(context.jobSettings(),
                        (run, failure) -> ciStart.gaveUp(run.data().id(), failure)), run -> ciStart.run(run.data())),
                context.job("deploy.github-status", DeployJobs.StatusData.class, JobOptions.retrying(context.jobSettings(),
                        (run, failure) -> log.warn("Gave up writing deployment #{} {} to GitHub: {}", run.data().id(), run.data().state(),
                                failure.sentence())), run -> statuses.run(run.data())),
                context.job("deploy.jenkins-follow", DeployJobs.JenkinsPoll.class, JobOptions.retrying(context.jobSettings(),
                        (run, failure) -> follow.gaveUp(run.data().id(), failure)), run -> follow.run(run.data())),
                context.job("deploy.actions-find-run", DeployJobs.FindRun.class, JobOptions.retrying(context.jobSettings(),
                        (run, failure) -> log.warn("Gave up finding the run of deployment #{}: {}", run.data().id(), failure.sentence())),
                        run -> finder.run(run.data())));

        Approvals approvals = new Approvals(context.jdbi(), approvalRequests, cards, bindings, environments, context.people(), requests, deadlines);
        AutoDeployments auto = new AutoDeployments(bindings, environments, requests, context.identities(), context.outbox());
        QueueRunner runner = new QueueRunner(context.jdbi(), queue, deployments, bindings, environments, context.people(), gate, starter, held,
                jobs, context.outbox());
        Thaw thaw = new Thaw(context.jdbi(), queue, bindings, environments, held, auto, deadlines);
        Watchdog watchdog = new Watchdog(context.jdbi(), progress, context.outbox(), deadlines);
        ChecksTimeout checksTimeout = new ChecksTimeout(progress, deadlines);
        Preflight preflight = new Preflight(bindings, environments, deployments, github, new GitHubCompare(rest), gate, context.people(),
                context.identities(), context.outbox());
        jobs.declareSafety(
                context.job("deploy.approval-expiry", DeployJobs.Due.class, JobOptions.retrying(context.jobSettings(), (run, failure) ->
                        log.warn("Gave up expiring approval request #{}: {}", run.data().id(), failure.sentence())), run -> approvals.expire(run.data())),
                context.job("deploy.watchdog", DeployJobs.Due.class, JobOptions.retrying(context.jobSettings(), (run, failure) ->
                        log.warn("Gave up watching deployment #{}: {}", run.data().id(), failure.sentence())), run -> watchdog.run(run.data())),
                context.job("deploy.queue-next", DeployJobs.EnvironmentRef.class, JobOptions.retrying(context.jobSettings(), (run, failure) ->
                        log.warn("Gave up moving the queue of {} {}: {}", run.data().repository(), run.data().environment(), failure.sentence())),
                        run -> runner.run(run.data())),
                context.job("deploy.thaw", DeployJobs.FreezeEnd.class, JobOptions.retrying(context.jobSettings(), (run, failure) ->
                        log.warn("Gave up starting what {} {} held: {}", run.data().repository(), run.data().environment(), failure.sentence())),
                        run -> thaw.run(run.data())),
                context.job("deploy.preflight", DeployJobs.DryRunAsked.class, JobOptions.retrying(context.jobSettings(), (run, failure) ->
                        context.outbox().send(new Destination.ResponseUrl(run.data().responseUrl(), run.data().userId(), run.data().askedAt()),
                                Reply.text(":warning: The dry run could not finish: " + failure.sentence()))), run -> preflight.run(run.data())));

        jobs.declareChecksTimeout(context.job("deploy.checks-timeout", DeployJobs.Due.class, JobOptions.retrying(context.jobSettings(),
                (run, failure) -> log.warn("Gave up expiring deployment #{} that waits for its checks: {}", run.data().id(), failure.sentence())),
                run -> checksTimeout.run(run.data())));

        ApiTokens tokens = new ApiTokens(context.jdbi(), context.clock(), "deploy_api_tokens", "cds_");
        DeliveryStats stats = Stats.register(context, jobs, tokens);

        DeployServices services = new DeployServices(bindings, environments, deployments, locks, requests, approvalRequests, queue, jobs,
                new GitHubRepositories(rest), context.identities(), context.people(), context.outbox(), context.clock());
        DeployDefaultRef byDefault = new DeployDefaultRef(bindings, environments, new DefaultRefs(new GitHubRefs(rest), github), requests, jobs,
                context.people(), context.identities(), context.outbox(), context.clock());
        Newcomers newcomers = new Newcomers(context.jdbi(), services, context.slack()::botUserId);
        jobs.declareDeploybotWays(
                context.job("deploy.default-ref", DeployJobs.DefaultRef.class, JobOptions.retrying(context.jobSettings(),
                        (run, failure) -> byDefault.gaveUp(run.data(), failure)), run -> byDefault.run(run.data())),
                context.job("deploy.claim-offer", DeployJobs.ClaimOffer.class, JobOptions.retrying(context.jobSettings(), (run, failure) ->
                        log.warn("Gave up showing {} the GitHub buttons in {}: {}", run.data().userId(), run.data().channelId(), failure.sentence())),
                        run -> newcomers.offer(run.data())));
        context.onEvent("member_joined_channel", newcomers::joined);
        ConfirmationType<RollbackCommand.Proposal> rollback = context.confirmation("deploy.rollback", RollbackCommand.Proposal.class, false,
                (ctx, proposal) -> RollbackCommand.confirmed(services, ctx, proposal));
        context.family(FAMILY, "Deploy branches and tags through GitHub Deployments and CI; lock environments.")
                .ownSlashCommand()
                .add(() -> new DeployCommand(services))
                .add(() -> new BindingCommands.Setup(services), settings.setupRole())
                .add(() -> new BindingCommands.Reset(services), settings.setupRole())
                .add(() -> new SettingCommands.Set(services), settings.setupRole())
                .add(() -> new SettingCommands.Unset(services), settings.setupRole())
                .add(() -> new SettingCommands.Get(services)).add(() -> new SettingCommands.Config(services))
                .add(() -> new IdentityCommands.Hello(services)).add(() -> new IdentityCommands.Goodbye(services))
                .add(() -> new IdentityCommands.Bye(services))
                .add(() -> new HistoryCommands.Status(services)).add(() -> new HistoryCommands.ListDeployments(services))
                .add(() -> new LockCommands.Lock(services)).add(() -> new LockCommands.Unlock(services))
                .add(() -> new LockCommands.Locks(services))
                .add(() -> new RollbackCommand(services, rollback)).add(() -> new FreezeCommand(services))
                .add(() -> new StatsCommand(services, stats))
                .add(() -> new StatsTokenCommands.Create(tokens)).add(() -> new StatsTokenCommands.ListAll(tokens))
                .add(() -> new StatsTokenCommands.Revoke(tokens));
        context.alias("cimon", FAMILY);
        context.onClick(ClaimButtons.REPLACING, click -> IdentityCommands.link(services, click.userId(), click.value())
                .replacingOriginal());
        context.onClick(ClaimButtons.IN_CHANNEL, click -> IdentityCommands.link(services, click.userId(), click.value()));
        context.onClick(ApprovalCard.APPROVE, click -> decided(context, click, approvals.approve(click.userId(), click.value())));
        context.onClick(ApprovalCard.REJECT, click -> decided(context, click, approvals.reject(click.userId(), click.value())));
        deployments.onChangeFor(context::homeChanged);
        approvalRequests.onAskedOf(context::homeChanged, context.people()::withRole);
        locks.onLockChange(context::homeChanged);
        context.requireScopes("channels:read", "groups:read");
        DeployedHere deployedHere = new DeployedHere(new MyChannels(context.slack(), context.clock()), bindings, deployments, environments,
                context.clock());
        context.homeSection(new DeployHome(approvalRequests, deployments, locks, environments, context.people(), deployedHere));
        context.onClick(DeployHome.UNLOCK, click -> DeployHome.unlock(locks, click.userId(), click.value(), context::homeChanged));

        GitHubDeploymentEvents events = new GitHubDeploymentEvents(context.jdbi(), deployments, bindings, progress, context.identities());
        CommitStatusEvents checks = new CommitStatusEvents(deployments, progress, jobs);
        CiEvents ci = new CiEvents(deployments, progress);
        context.onWebhook("github", "push", auto::push);
        context.onWebhook("github", "pull_request", auto::pullRequest);
        context.onWebhook("github", "deployment", events::deployment);
        context.onWebhook("github", "deployment_status", events::status);
        context.onWebhook("github", "status", checks::status);
        context.onWebhook("github", "workflow_run", ci::workflowRun);
        context.onWebhook("circleci", "workflow-completed", ci::circleCiWorkflow);
        context.onWebhook("circleci", "job-completed", ci::circleCiJob);
    }

    /** The host of a configured URL, or nothing when it is not set (every call is then refused before it leaves). */
    private static HostAllowList hosts(FeatureContext context, String variable, String url) {
        if (url == null) return HostAllowList.of();
        try {
            return HttpUrl.parse(url).allowList();
        } catch (IllegalArgumentException notAUrl) {
            context.problem(variable + ": " + notAUrl.getMessage());
            return HostAllowList.of();
        }
    }
}
