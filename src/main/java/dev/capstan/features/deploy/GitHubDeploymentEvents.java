package dev.capstan.features.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.store.GitHubIdentities;
import dev.capstan.webhooks.InboundWebhook;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * GitHub's {@code deployment} and {@code deployment_status} events: a deployment Capstan asked for is recognised by
 * its id or by the request id in its payload (which may arrive before the create job stored the id); one created
 * elsewhere in a bound repository gets a message too. Statuses move the message forward, never back.
 */
final class GitHubDeploymentEvents {
    private final Jdbi jdbi;
    private final Deployments deployments;
    private final Bindings bindings;
    private final DeploymentProgress progress;
    private final GitHubIdentities identities;

    GitHubDeploymentEvents(Jdbi jdbi, Deployments deployments, Bindings bindings, DeploymentProgress progress, GitHubIdentities identities) {
        this.jdbi = jdbi;
        this.deployments = deployments;
        this.bindings = bindings;
        this.progress = progress;
        this.identities = identities;
    }

    String deployment(InboundWebhook webhook) {
        JsonNode deployment = webhook.body().path("deployment");
        String repository = webhook.body().path("repository").path("full_name").asText("");
        long githubId = deployment.path("id").asLong(0);
        if (githubId == 0) return "ignored: no deployment id";
        Optional<Deployment> known = find(repository, deployment);
        if (known.isPresent()) {
            progress.advance(known.get().id(), false, x -> x.githubId() != null ? null
                    : x.withGitHub(githubId, deployment.path("sha").asText(x.sha())).with(rankAtLeast(x.state(), DeploymentState.CREATED), x.detail()));
            return "known: deployment #" + known.get().id();
        }
        Optional<Binding> binding = bindings.ofRepository(repository);
        if (binding.isEmpty()) return "ignored: " + repository + " is not set up in a channel";
        String login = deployment.path("creator").path("login").asText(null);
        String requestedBy = login == null ? null : identities.ownerOf(login).map(GitHubIdentities.Identity::userId).orElse(null);
        Deployment adopted = jdbi.inTransaction(h -> {
            Deployment d = deployments.insert(h, new Deployments.NewDeployment(binding.get().repository(),
                    deployment.path("environment").asText("unknown"), deployment.path("ref").asText("unknown"),
                    deployment.path("sha").asText(null), null, "github", requestedBy, login, binding.get().channelId(),
                    binding.get().environmentUrl(deployment.path("environment").asText("")), "none", githubId, DeploymentState.CREATED));
            progress.show(d);
            return d;
        });
        return "adopted as deployment #" + adopted.id();
    }

    String status(InboundWebhook webhook) {
        JsonNode status = webhook.body().path("deployment_status");
        String repository = webhook.body().path("repository").path("full_name").asText("");
        Optional<DeploymentState> state = DeploymentState.fromGitHub(status.path("state").asText(""));
        if (state.isEmpty()) return "ignored: state " + status.path("state").asText("?");
        Optional<Deployment> known = find(repository, webhook.body().path("deployment"));
        if (known.isEmpty()) return "ignored: unknown deployment";
        long githubId = webhook.body().path("deployment").path("id").asLong(0);
        String sha = webhook.body().path("deployment").path("sha").asText(null);
        String logUrl = text(status, "log_url", text(status, "target_url", null));
        Optional<Deployment> moved = progress.advance(known.get().id(), false, x -> {
            // A status may come before the create job stored GitHub's answer: the event's deployment names its id and commit.
            Deployment next = x.githubId() == null && githubId != 0 ? x.heardOf().withGitHub(githubId, x.sha() == null ? sha : x.sha()) : x.heardOf();
            if (logUrl != null && x.logUrl() == null) next = next.withCi(next.ciRef(), logUrl);
            String detail = state.get().bad() ? description(status, x.detail()) : x.detail();
            return next.with(rankAtLeast(x.state(), state.get()), detail);
        });
        return moved.map(d -> "deployment #" + d.id() + " " + d.state().label()).orElse("deployment #" + known.get().id() + " unchanged");
    }

    private Optional<Deployment> find(String repository, JsonNode deployment) {
        long githubId = deployment.path("id").asLong(0);
        Optional<Deployment> byId = githubId == 0 ? Optional.empty() : deployments.byGitHubId(repository, githubId);
        if (byId.isPresent()) return byId;
        long capstanId = deployment.path("payload").path("capstan_request_id").asLong(0);
        if (capstanId == 0) return Optional.empty();
        return deployments.find(capstanId).filter(d -> d.repositoryKey().equals(Binding.key(repository)));
    }

    /** The later of two states: an event never moves a deployment back. */
    private static DeploymentState rankAtLeast(DeploymentState current, DeploymentState wanted) {
        return wanted.rank() >= current.rank() ? wanted : current;
    }

    private static String description(JsonNode status, String fallback) {
        String text = status.path("description").asText("");
        return text.isBlank() ? fallback : "GitHub: " + text;
    }

    private static String text(JsonNode node, String field, String fallback) {
        String value = node.path(field).asText("");
        return value.isBlank() ? fallback : value;
    }
}
