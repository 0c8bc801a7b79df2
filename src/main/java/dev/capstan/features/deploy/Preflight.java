package dev.capstan.features.deploy;

import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.People;
import dev.capstan.command.Reply;
import dev.capstan.command.UserError;
import dev.capstan.jobs.JobResult;
import dev.capstan.store.GitHubIdentities;
import java.util.Map;
import java.util.Optional;

/**
 * {@code deploy <ref> to <env> --dry-run}, as a durable job answering on Slack's response_url (it asks GitHub three
 * or four questions): the commit the ref resolves to, what goes out compared with the environment's last successful
 * deployment, the checks, and what the rules would say, without creating anything.
 */
final class Preflight {
    private final Bindings bindings;
    private final Environments environments;
    private final Deployments deployments;
    private final GitHubDeployments github;
    private final GitHubCompare compare;
    private final DeployGate gate;
    private final People people;
    private final GitHubIdentities identities;
    private final Outbox outbox;

    Preflight(Bindings bindings, Environments environments, Deployments deployments, GitHubDeployments github, GitHubCompare compare,
              DeployGate gate, People people, GitHubIdentities identities, Outbox outbox) {
        this.bindings = bindings;
        this.environments = environments;
        this.deployments = deployments;
        this.github = github;
        this.compare = compare;
        this.gate = gate;
        this.people = people;
        this.identities = identities;
        this.outbox = outbox;
    }

    JobResult<DeployJobs.DryRunAsked> run(DeployJobs.DryRunAsked ask) {
        outbox.send(new Destination.ResponseUrl(ask.responseUrl(), ask.userId(), ask.askedAt()), report(ask));
        return JobResult.done();
    }

    private Reply report(DeployJobs.DryRunAsked ask) {
        Optional<Binding> binding = bindings.inChannel(ask.channelId());
        Optional<Environments.Environment> found = environments.find(ask.environment());
        if (binding.isEmpty() || found.isEmpty()) return Reply.text(":warning: This channel's repository or `" + ask.environment() + "` is gone.");
        Environments.Environment env = found.get();
        GitRef ref = GitRef.parse(ask.ref());
        String repository = binding.get().repository();
        String sha;
        try {
            sha = github.sha(repository, ref);
        } catch (UserError noGitHub) {
            return Reply.text(noGitHub.getMessage());
        }
        Optional<Deployment> last = deployments.lastSuccess(repository, env.name());
        Optional<GitHubCompare.Comparison> comparison = sha == null || last.isEmpty() || last.get().sha() == null ? Optional.empty()
                : compare.compare(repository, last.get().sha(), sha);
        Map<String, String> checks = sha == null ? Map.of() : compare.checks(repository, sha, env.requiredContexts());
        DeployRequest request = new DeployRequest(binding.get(), env, ref, sha, "slack", ask.userId(),
                identities.find(ask.userId()).map(GitHubIdentities.Identity::login).orElse(null), people.roleOf(ask.userId()),
                new Deployment.Origin(null, null, ask.emergencyReason(), null), 0);
        return PreflightReport.render(new PreflightReport.Findings(repository, env.name(), ref, sha, last, comparison, checks,
                !env.requiredContexts().isEmpty(), gate.evaluate(request), env.policy().queue()));
    }
}
