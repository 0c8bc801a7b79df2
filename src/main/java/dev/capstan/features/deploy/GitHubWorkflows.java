package dev.capstan.features.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.http.HttpAnswer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GitHub Actions: {@code workflow_dispatch} with the deployment id as an input, asking for the run's details
 * ({@code return_run_details}); a server that refuses that field (422) is asked again without it, and the run is then
 * found among the workflow's runs by the deployment id in its title (the workflow's {@code run-name}).
 */
final class GitHubWorkflows {
    /** A workflow run: its id and page. */
    record Run(String id, String url) { }

    /** What a dispatch gave: the run at once, a run to find later, or a refusal. */
    sealed interface Dispatched {
        record Started(Run run) implements Dispatched { }

        record ToFind() implements Dispatched { }

        record Refused(String why) implements Dispatched { }
    }

    private final GitHubRest rest;

    GitHubWorkflows(GitHubRest rest) {
        this.rest = rest;
    }

    Dispatched dispatch(String repository, String workflow, String ref, Map<String, Object> inputs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ref", ref);
        body.put("inputs", inputs);
        body.put("return_run_details", true);
        String path = "/repos/" + repository + "/actions/workflows/" + workflow + "/dispatches";
        HttpAnswer answer = rest.send("POST", path, body);
        if ((answer.status() == 422 || answer.status() == 400) && GitHubRest.message(answer).contains("return_run_details")) {
            body.remove("return_run_details");
            answer = rest.send("POST", path, body);
        }
        if (answer.status() == 200 && answer.json().hasNonNull("workflow_run_id")) {
            JsonNode run = answer.json();
            return new Dispatched.Started(new Run(run.path("workflow_run_id").asText(), run.path("html_url").asText(null)));
        }
        if (answer.ok()) return new Dispatched.ToFind();
        if (answer.status() == 404) {
            return new Dispatched.Refused("GitHub has no workflow `" + workflow + "` in `" + repository + "` that the App can run.");
        }
        return new Dispatched.Refused("GitHub refused to start the workflow `" + workflow + "` (HTTP " + answer.status() + "): "
                + GitHubRest.message(answer) + ".");
    }

    /** The dispatched run whose title names this GitHub deployment id, if it shows yet. */
    Optional<Run> findRun(String repository, String workflow, long githubDeploymentId) {
        HttpAnswer answer = rest.send("GET", "/repos/" + repository + "/actions/workflows/" + workflow
                + "/runs?event=workflow_dispatch&per_page=50", null);
        answer.requireSuccess("Listing the runs of " + workflow);
        Pattern id = titleNaming(githubDeploymentId);
        for (JsonNode run : answer.json().path("workflow_runs")) {
            if (id.matcher(run.path("display_title").asText("") + " " + run.path("name").asText("")).find()) {
                return Optional.of(new Run(run.path("id").asText(), run.path("html_url").asText(null)));
            }
        }
        return Optional.empty();
    }

    /** The deployment id as a whole number in a run's title. */
    static Pattern titleNaming(long githubDeploymentId) {
        return Pattern.compile("(?<![0-9])" + githubDeploymentId + "(?![0-9])");
    }
}
