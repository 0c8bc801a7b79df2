package dev.capstan.features.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.http.HttpAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub's Deployments API ("REST API endpoints for deployments"): creating one with {@code auto_merge:false} and the
 * configured required contexts, and writing its statuses; GitHub's refusals come back as sentences, never raw.
 */
final class GitHubDeployments {
    /** What GitHub made of a create request. */
    sealed interface Created {
        record Done(long id, String sha) implements Created { }

        /** 409 because a required context is in {@code failure} or {@code error}: nothing was deployed, and waiting would not help. */
        record ChecksFailed(List<String> contexts) implements Created { }

        /** 409 because required contexts are not all green yet (pending, or not reported): the deployment may wait for them. */
        record ChecksPending(List<String> contexts) implements Created { }

        record Refused(String why) implements Created { }
    }

    private final GitHubRest rest;

    GitHubDeployments(GitHubRest rest) {
        this.rest = rest;
    }

    Created create(Deployment d, List<String> requiredContexts) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("capstan_request_id", d.id());
        if (d.requestedBy() != null) payload.put("slack_user", d.requestedBy());
        if (d.environmentUrl() != null) payload.put("environment_url", d.environmentUrl());
        if (d.pullRequest() != null) payload.put("pull_request", d.pullRequest());
        if (d.origin().rollbackTo() != null) payload.put("rollback_to_capstan_deployment", d.origin().rollbackTo());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ref", d.sha() != null && (d.pullRequest() != null || d.origin().rollbackTo() != null) ? d.sha() : d.gitRef().full());
        body.put("environment", d.environment());
        body.put("auto_merge", false);
        body.put("required_contexts", requiredContexts);
        body.put("payload", payload);
        body.put("description", cut("Deployment #" + d.id() + " from Capstan" + (d.requestedBy() == null ? "" : ", asked in Slack")));
        body.put("transient_environment", d.pullRequest() != null);
        body.put("production_environment", d.environment().equals("production"));
        HttpAnswer answer = rest.send("POST", "/repos/" + d.repository() + "/deployments", body);
        String ref = "`" + d.gitRef().label() + "`";
        return switch (answer.status()) {
            case 201 -> new Created.Done(answer.json().path("id").asLong(), answer.json().path("sha").asText(null));
            case 202 -> new Created.Refused("GitHub wanted to merge the default branch into " + ref + " before deploying it (auto-merge), "
                    + "so nothing was deployed. Merge the default branch into " + ref + ", then deploy again.");
            case 409 -> conflict(answer, ref);
            case 404 -> new Created.Refused("the GitHub App cannot see `" + d.repository() + "` (not installed there, or no access).");
            case 403 -> new Created.Refused("the GitHub App may not create deployments in `" + d.repository()
                    + "`; it needs the Deployments permission (read and write). GitHub said: " + GitHubRest.message(answer) + ".");
            case 422 -> new Created.Refused(GitHubRest.message(answer).startsWith("No ref found")
                    ? "GitHub has no branch or tag " + ref + " in `" + d.repository() + "`."
                    : "GitHub refused the deployment: " + GitHubRest.message(answer) + ".");
            default -> new Created.Refused("GitHub refused the deployment (HTTP " + answer.status() + "): " + GitHubRest.message(answer) + ".");
        };
    }

    /** The commit a ref points at now ("Get a commit": heads/BRANCH or tags/TAG), for matching commit statuses; null when unknown. */
    String sha(String repository, GitRef ref) {
        String name = ref.kind() == GitRef.RefType.OTHER ? ref.name() : ref.full().substring("refs/".length());
        HttpAnswer answer = rest.send("GET", "/repos/" + repository + "/commits/" + name, null);
        return answer.ok() ? answer.json().path("sha").asText(null) : null;
    }

    /** Writes a deployment status; {@code state} is spelled as the REST API wants it ("in_progress"). */
    void status(String repository, long githubId, String state, String logUrl, String environmentUrl, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        if (logUrl != null) body.put("log_url", logUrl);
        if (environmentUrl != null) body.put("environment_url", environmentUrl);
        body.put("description", cut(description));
        HttpAnswer answer = rest.send("POST", "/repos/" + repository + "/deployments/" + githubId + "/statuses", body);
        answer.requireSuccess("Writing the " + state + " status of GitHub deployment " + githubId);
    }

    /**
     * GitHub's 409: "Conflict: Commit status checks failed for REF." with, in {@code errors[].contexts}, every required
     * context and its state (successful ones too), or a merge conflict.
     */
    private static Created conflict(HttpAnswer answer, String ref) {
        List<String> failed = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (JsonNode error : answer.json().path("errors")) {
            for (JsonNode context : error.path("contexts")) {
                String state = context.path("state").asText("missing");
                String named = "`" + context.path("context").asText("?") + "` (" + state + ")";
                if (state.equals("failure") || state.equals("error")) failed.add(named);
                else if (!state.equals("success")) pending.add(named);
            }
        }
        String message = GitHubRest.message(answer);
        if (!failed.isEmpty()) return new Created.ChecksFailed(failed);
        if (!pending.isEmpty() || message.toLowerCase().contains("status check")) return new Created.ChecksPending(pending);
        if (message.toLowerCase().contains("merg")) {
            return new Created.Refused("GitHub could not merge the default branch into " + ref + " (a merge conflict), so nothing was deployed.");
        }
        return new Created.Refused("GitHub refused the deployment as a conflict: " + message + ".");
    }

    /** GitHub takes at most 140 characters of description. */
    static String cut(String text) {
        return text.length() <= 140 ? text : text.substring(0, 139) + "…";
    }
}
