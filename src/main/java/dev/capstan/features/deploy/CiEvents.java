package dev.capstan.features.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.webhooks.InboundWebhook;
import java.util.List;
import java.util.Optional;

/**
 * What CI reports back: CircleCI's signed {@code workflow-completed} and {@code job-completed} webhooks (the
 * pipeline id names the deployment), and GitHub's {@code workflow_run} events for Actions runs. Each moves the
 * deployment forward and is written to GitHub as a deployment status.
 */
final class CiEvents {
    private final Deployments deployments;
    private final DeploymentProgress progress;

    CiEvents(Deployments deployments, DeploymentProgress progress) {
        this.deployments = deployments;
        this.progress = progress;
    }

    String circleCiWorkflow(InboundWebhook webhook) {
        JsonNode workflow = webhook.body().path("workflow");
        Optional<Deployment> d = deployments.byCi("circleci", webhook.body().path("pipeline").path("id").asText(""));
        if (d.isEmpty()) return "ignored: a pipeline Capstan did not start";
        String status = workflow.path("status").asText("");
        DeploymentState state = switch (status) {
            case "success" -> DeploymentState.SUCCESS;
            case "failed" -> DeploymentState.FAILURE;
            default -> DeploymentState.ERROR;
        };
        String url = workflow.path("url").asText(null);
        return moved(progress.advance(d.get().id(), true, x -> x.heardOf().withCi(x.ciRef(), url == null ? x.logUrl() : url)
                .with(state, state == DeploymentState.SUCCESS ? null : "CircleCI workflow `" + workflow.path("name").asText("?") + "`: " + status)), d.get());
    }

    String circleCiJob(InboundWebhook webhook) {
        Optional<Deployment> d = deployments.byCi("circleci", webhook.body().path("pipeline").path("id").asText(""));
        if (d.isEmpty()) return "ignored: a pipeline Capstan did not start";
        return moved(progress.advance(d.get().id(), true, x -> x.state().rank() >= DeploymentState.IN_PROGRESS.rank() ? x.heardOf()
                : x.heardOf().with(DeploymentState.IN_PROGRESS, null)), d.get());
    }

    String workflowRun(InboundWebhook webhook) {
        JsonNode run = webhook.body().path("workflow_run");
        String repository = webhook.body().path("repository").path("full_name").asText("");
        String runId = run.path("id").asText("");
        Optional<Deployment> d = deployments.byCi("github_actions", runId);
        if (d.isEmpty()) d = byTitle(repository, run.path("display_title").asText("") + " " + run.path("name").asText(""));
        if (d.isEmpty()) return "ignored: a run Capstan did not start";
        DeploymentState state = switch (run.path("status").asText("")) {
            case "completed" -> switch (run.path("conclusion").asText("")) {
                case "success" -> DeploymentState.SUCCESS;
                case "failure", "timed_out" -> DeploymentState.FAILURE;
                default -> DeploymentState.ERROR;
            };
            case "in_progress" -> DeploymentState.IN_PROGRESS;
            default -> DeploymentState.QUEUED;
        };
        String url = run.path("html_url").asText(null);
        return moved(progress.advance(d.get().id(), true, x -> x.heardOf().withCi(runId, url == null ? x.logUrl() : url)
                .with(state.rank() < x.state().rank() ? x.state() : state,
                        state.bad() ? "GitHub Actions run: " + run.path("conclusion").asText("?") : x.detail())), d.get());
    }

    private Optional<Deployment> byTitle(String repository, String title) {
        List<Deployment> candidates = deployments.unmatched(repository, "github_actions");
        return candidates.stream().filter(c -> GitHubWorkflows.titleNaming(c.githubId()).matcher(title).find()).findFirst();
    }

    private static String moved(Optional<Deployment> moved, Deployment before) {
        return moved.map(d -> "deployment #" + d.id() + " " + d.state().label()).orElse("deployment #" + before.id() + " unchanged");
    }
}
