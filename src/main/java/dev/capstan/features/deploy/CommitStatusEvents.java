package dev.capstan.features.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.webhooks.InboundWebhook;
import java.util.List;

/**
 * GitHub's commit {@code status} event, for deployments waiting for their required checks: a success asks again (each
 * meets its environment's rules and takes the environment first, then GitHub re-checks every required context), a
 * failure or error ends them naming the check; pending changes nothing.
 */
final class CommitStatusEvents {
    private final Deployments deployments;
    private final DeploymentProgress progress;
    private final DeployJobs jobs;

    CommitStatusEvents(Deployments deployments, DeploymentProgress progress, DeployJobs jobs) {
        this.deployments = deployments;
        this.progress = progress;
        this.jobs = jobs;
    }

    String status(InboundWebhook webhook) {
        JsonNode body = webhook.body();
        String state = body.path("state").asText("");
        String context = body.path("context").asText("a check");
        List<Deployment> waiting = deployments.waitingFor(body.path("repository").path("full_name").asText(""), body.path("sha").asText(""));
        if (waiting.isEmpty() || state.equals("pending")) return "ignored: no deployment waits for this " + state + " status";
        for (Deployment d : waiting) {
            if (state.equals("success")) {
                jobs.create().enqueueOnce("deploy-create-" + d.id() + "-" + webhook.deliveryId(), new DeployJobs.DeploymentRef(d.id()));
            } else {
                progress.advance(d.id(), false, x -> x.with(DeploymentState.FAILURE, "The required check `" + context + "` " + state
                        + (body.path("target_url").asText("").isEmpty() ? "" : ": <" + body.path("target_url").asText() + ">")
                        + ". Nothing was deployed."));
            }
        }
        return (state.equals("success") ? "retrying " : "ended ") + waiting.size() + " waiting deployment" + (waiting.size() == 1 ? "" : "s");
    }
}
