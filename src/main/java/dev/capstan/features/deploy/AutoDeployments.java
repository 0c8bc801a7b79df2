package dev.capstan.features.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import dev.capstan.store.GitHubIdentities;
import dev.capstan.webhooks.InboundWebhook;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Automatic deployments from GitHub's {@code push} and {@code pull_request} events (see "Webhook events and
 * payloads"), for repositories bound to a channel: a push deploys every environment whose {@code auto.push} matches
 * the ref, an opened or updated pull request deploys {@code pr<N>}. Deletions and closed pull requests deploy nothing.
 * They meet the environments' rules like anyone's; during a freeze they are held, and a refusal is told in the channel.
 */
final class AutoDeployments {
    private final Bindings bindings;
    private final Environments environments;
    private final RequestDeployment requests;
    private final GitHubIdentities identities;
    private final Outbox outbox;

    AutoDeployments(Bindings bindings, Environments environments, RequestDeployment requests, GitHubIdentities identities, Outbox outbox) {
        this.bindings = bindings;
        this.environments = environments;
        this.requests = requests;
        this.identities = identities;
        this.outbox = outbox;
    }

    String push(InboundWebhook webhook) {
        JsonNode body = webhook.body();
        String repository = body.path("repository").path("full_name").asText("");
        Optional<Binding> binding = bindings.ofRepository(repository);
        if (binding.isEmpty()) return "ignored: " + repository + " is not set up in a channel";
        if (body.path("deleted").asBoolean(false) || body.path("head_commit").isNull() || body.path("head_commit").isMissingNode()) {
            return "ignored: a deletion of " + body.path("ref").asText("?");
        }
        GitRef ref;
        try {
            ref = GitRef.parse(body.path("ref").asText(""));
        } catch (RuntimeException notARef) {
            return "ignored: not a ref";
        }
        String login = body.path("head_commit").path("author").path("username").asText(body.path("pusher").path("name").asText(null));
        List<String> notes = new ArrayList<>();
        for (Environments.Environment env : environments.onPush(ref)) {
            notes.add(start(binding.get(), env, ref, body.path("after").asText(null), "push", login));
        }
        return notes.isEmpty() ? "ignored: no environment deploys " + ref.label() + " on push" : String.join("; ", notes);
    }

    String pullRequest(InboundWebhook webhook) {
        JsonNode body = webhook.body();
        String action = body.path("action").asText("");
        String repository = body.path("repository").path("full_name").asText("");
        if (!action.equals("opened") && !action.equals("synchronize") && !action.equals("reopened")) return "ignored: pull request " + action;
        if (!environments.pullRequestsDeploy()) return "ignored: pull requests are not deployed";
        Optional<Binding> binding = bindings.ofRepository(repository);
        if (binding.isEmpty()) return "ignored: " + repository + " is not set up in a channel";
        int number = body.path("number").asInt(body.path("pull_request").path("number").asInt(0));
        JsonNode head = body.path("pull_request").path("head");
        if (number <= 0 || head.path("ref").asText("").isEmpty()) return "ignored: no pull request number or head";
        GitRef ref = GitRef.parse("refs/heads/" + head.path("ref").asText());
        return start(binding.get(), environments.pullRequest(number), ref, head.path("sha").asText(null), "pull request",
                head.path("user").path("login").asText(null));
    }

    private String start(Binding binding, Environments.Environment env, GitRef ref, String sha, String trigger, String login) {
        String requestedBy = login == null ? null : identities.ownerOf(login).map(GitHubIdentities.Identity::userId).orElse(null);
        return announce(new DeployRequest(binding, env, ref, sha, trigger, requestedBy, login, null, Deployment.Origin.PLAIN, 0));
    }

    /** Asks for an automatic deployment; the channel hears when it did not start and will not by itself. */
    String announce(DeployRequest r) {
        RequestDeployment.Outcome outcome = requests.request(r);
        String env = r.environment().name();
        if (outcome instanceof RequestDeployment.Outcome.Started started) return "started deployment #" + started.deployment().id() + " to " + env;
        if (outcome instanceof RequestDeployment.Outcome.Queued queued) return "queued for " + env + " as #" + queued.place();
        if (outcome instanceof RequestDeployment.Outcome.Held held) return "held until the freeze of " + env + " ends at " + held.window().end();
        if (outcome instanceof RequestDeployment.Outcome.AwaitingApproval waiting) return "approval request #" + waiting.request().id() + " for " + env;
        String why = ((RequestDeployment.Outcome.Refused) outcome).why();
        outbox.send(new Destination.Channel(r.binding().channelId()), Reply.text("Automatic deployment of `" + r.ref().label() + "` to `"
                + env + "` (" + r.trigger() + ") did not start. " + why));
        return "not started to " + env + ": " + why;
    }
}
