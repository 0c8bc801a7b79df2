package dev.capstan.features.deploy;

import dev.capstan.command.Outbox;
import dev.capstan.command.People;
import dev.capstan.command.UserError;
import dev.capstan.store.GitHubIdentities;
import java.time.Clock;
import java.util.List;

/** What the family's commands share: the stores, the environments, the use cases, the job types and GitHub. */
record DeployServices(Bindings bindings, Environments environments, Deployments deployments, DeployLocks locks,
                      RequestDeployment requests, ApprovalRequests approvals, DeployQueue queue, DeployJobs jobs,
                      GitHubRepositories repositories, GitHubIdentities identities, People people, Outbox outbox, Clock clock) {

    /** The channel's repository, or a refusal saying how to set one up. */
    Binding binding(String channelId) {
        return bindings.inChannel(channelId).orElseThrow(() -> new UserError(":warning: This channel is not set up for a "
                + "repository yet. A team lead can run `/deploy setup <owner/repo>` here."));
    }

    /** The environment named so, or a refusal listing the known ones. */
    Environments.Environment environment(String name) {
        return environments.find(name).orElseThrow(() -> new UserError(":warning: I don't recognise the environment `"
                + name.replace("`", "'") + "`. Environments: " + known() + "."));
    }

    /** The person's linked GitHub login, or null. */
    String login(String userId) {
        return identities.find(userId).map(GitHubIdentities.Identity::login).orElse(null);
    }

    String known() {
        List<String> names = environments.names();
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList()) + " and `pr<N>` for pull requests";
    }
}
