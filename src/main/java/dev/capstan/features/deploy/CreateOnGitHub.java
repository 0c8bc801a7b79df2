package dev.capstan.features.deploy;

import dev.capstan.command.People;
import dev.capstan.jobs.JobFailure;
import dev.capstan.jobs.JobResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The job that creates a requested (or waiting) deployment on GitHub, then hands it to its CI adapter and sets its
 * watchdog. A required check in failure or error ends it at once (nothing was deployed); pending ones make it wait
 * without holding its environment, until the environment's {@code checks_timeout}. A waiting one is asked again (by a
 * successful commit status, or when its environment frees up) only after it meets its environment's rules again and
 * takes the environment. GitHub's other refusals end it with GitHub's reason.
 */
final class CreateOnGitHub {
    private final Deployments deployments;
    private final Environments environments;
    private final Bindings bindings;
    private final People people;
    private final DeployGate gate;
    private final StartDeployment starter;
    private final GitHubDeployments github;
    private final DeploymentProgress progress;
    private final DeployJobs jobs;
    private final Clock clock;

    CreateOnGitHub(Deployments deployments, Environments environments, Bindings bindings, People people, DeployGate gate,
                   StartDeployment starter, GitHubDeployments github, DeploymentProgress progress, DeployJobs jobs, Clock clock) {
        this.deployments = deployments;
        this.environments = environments;
        this.bindings = bindings;
        this.people = people;
        this.gate = gate;
        this.starter = starter;
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
        if (d.state() == DeploymentState.WAITING && !mayResume(d, env.get())) return JobResult.done();
        GitHubDeployments.Created created = github.create(d, env.get().requiredContexts());
        if (created instanceof GitHubDeployments.Created.Done done) {
            progress.advance(d.id(), false, x -> x.withGitHub(done.id(), done.sha() == null ? x.sha() : done.sha())
                    .with(DeploymentState.CREATED, null));
            jobs.ciStart().enqueueOnce("deploy-ci-" + d.id(), ref);
            Instant due = clock.instant().plus(env.get().policy().watchdog());
            jobs.watchdog().enqueueOnceAt("deploy-watchdog-" + d.id(), due, new DeployJobs.Due(d.id(), due));
        } else if (created instanceof GitHubDeployments.Created.ChecksFailed failed) {
            progress.advance(d.id(), false, x -> x.with(DeploymentState.REFUSED, ":x: GitHub refused it: required checks failed: "
                    + String.join(", ", failed.contexts()) + ". Nothing was deployed; fix the checks, then deploy again."));
        } else if (created instanceof GitHubDeployments.Created.ChecksPending pending) {
            waitForChecks(d, env.get(), pending.contexts());
        } else if (created instanceof GitHubDeployments.Created.Refused refused) {
            progress.advance(d.id(), false, x -> x.with(DeploymentState.REFUSED, refused.why()));
        }
        return JobResult.done();
    }

    /**
     * A deployment that waited for its checks starts only if its environment's rules still let it (else it ends,
     * saying why) and it gets the environment (else it waits on, and is asked again when the environment frees up).
     */
    private boolean mayResume(Deployment d, Environments.Environment env) {
        Optional<Binding> binding = bindings.ofRepository(d.repository());
        if (binding.isEmpty()) {
            progress.advance(d.id(), false, x -> x.with(DeploymentState.REFUSED, "`" + d.repository() + "` is no longer set up in a channel."));
            return false;
        }
        DeployRequest again = new DeployRequest(binding.get(), env, d.gitRef(), d.sha(), d.trigger(), d.requestedBy(), d.authorLogin(),
                d.requestedBy() == null ? null : people.roleOf(d.requestedBy()), d.origin(), d.revision());
        DeployGate.Verdict verdict = gate.evaluate(again);
        Optional<String> refused = DeployGate.refusal(verdict);
        if (refused.isPresent()) {
            progress.advance(d.id(), false, x -> x.with(DeploymentState.REFUSED, "Its checks passed, but it did not start: " + refused.get()
                    + " Nothing was deployed."));
            return false;
        }
        return starter.resume(d);
    }

    private void waitForChecks(Deployment d, Environments.Environment env, List<String> contexts) {
        boolean first = d.state() != DeploymentState.WAITING;
        String which = contexts.isEmpty() ? "the required checks" : String.join(", ", contexts);
        String sha = d.sha() != null ? d.sha() : github.sha(d.repository(), d.gitRef());
        Instant expires = d.createdAt().plus(env.policy().checksTimeout());
        progress.waitForChecks(d.id(), x -> x.withGitHub(x.githubId(), sha).with(DeploymentState.WAITING, ":vertical_traffic_light: Waiting for "
                + which + " to pass; it does not hold `" + env.name() + "` meanwhile. It starts by itself when GitHub reports a successful "
                + "commit status and `" + env.name() + "` is free, and expires " + Since.of(expires) + " if the checks are still pending."),
                () -> {
                    if (first) jobs.checksTimeout().enqueueOnceAt("deploy-checks-timeout-" + d.id(), expires, new DeployJobs.Due(d.id(), expires));
                });
    }

    /** The job gave up (GitHub kept failing, or is not configured): the deployment ends with the reason. */
    void gaveUp(long id, JobFailure failure) {
        progress.advance(id, false, x -> x.with(DeploymentState.ERROR, "Could not create it on GitHub: " + failure.sentence()));
    }
}
