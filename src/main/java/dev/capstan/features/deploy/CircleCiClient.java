package dev.capstan.features.deploy;

import dev.capstan.command.PermanentFailure;
import dev.capstan.command.TransientFailure;
import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import dev.capstan.http.OutboundClient;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** CircleCI's v2 API: triggers a pipeline for a branch or a tag with pipeline parameters ("Trigger a new pipeline"). */
final class CircleCiClient {
    static final String DEFAULT_API_URL = "https://circleci.com";

    /** A triggered pipeline: CircleCI's id (what its webhooks name), its number and the page showing it. */
    record Pipeline(String id, long number, String url) { }

    private final OutboundClient http;
    private final String apiUrl;
    private final String token;

    CircleCiClient(OutboundClient http, String apiUrl, String token) {
        this.http = http;
        this.apiUrl = apiUrl.replaceAll("/+$", "");
        this.token = token;
    }

    Pipeline trigger(String repository, GitRef ref, Map<String, Object> parameters) {
        if (token == null) throw new PermanentFailure("CIRCLECI_TOKEN is not set, so CircleCI cannot be asked to deploy");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(ref.kind() == GitRef.RefType.TAG ? "tag" : "branch", ref.name());
        body.put("parameters", parameters);
        HttpAnswer answer;
        try {
            answer = http.send(HttpCall.post(apiUrl + "/api/v2/project/gh/" + repository + "/pipeline")
                    .header("Circle-Token", token).header("Accept", "application/json")
                    .json(GitHubRest.JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the pipeline request", e);
        }
        if (answer.status() == 429 || answer.status() >= 500) throw new TransientFailure("CircleCI answered " + answer.status(), null);
        if (!answer.ok()) {
            String message = answer.json().path("message").asText("HTTP " + answer.status());
            String undeclared = answer.status() == 400 ? CircleCiParameters.missing(message, parameters) : null;
            if (undeclared != null) throw new PermanentFailure(undeclared);
            throw new PermanentFailure("CircleCI refused the pipeline (HTTP " + answer.status() + "): " + message);
        }
        long number = answer.json().path("number").asLong();
        String app = apiUrl.equals(DEFAULT_API_URL) ? "https://app.circleci.com" : apiUrl;
        return new Pipeline(answer.json().path("id").asText(), number, app + "/pipelines/gh/" + repository + "/" + number);
    }
}
