package dev.capstan.features.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.command.PermanentFailure;
import dev.capstan.command.TransientFailure;
import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import dev.capstan.http.OutboundClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Jenkins' remote API with a user's API token (Basic auth, no crumb needed): {@code buildWithParameters} answers 201
 * with the queue item in {@code Location}; the queue item names its build once it starts; the build says its result.
 * A queue item is forgotten about five minutes after its build started, so it is polled faster than that.
 */
final class JenkinsClient {
    /** What the queue item says now. */
    sealed interface Queued {
        record Waiting() implements Queued { }

        record Started(String buildUrl) implements Queued { }

        record Cancelled() implements Queued { }

        record Gone() implements Queued { }
    }

    /** The build's result; null while it runs. */
    record Build(boolean building, String result) { }

    private final OutboundClient http;
    private final String baseUrl;
    private final String user;
    private final String token;

    JenkinsClient(OutboundClient http, String baseUrl, String user, String token) {
        this.http = http;
        this.baseUrl = baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
        this.user = user;
        this.token = token;
    }

    /** Queues the job ("folder/name") with parameters; the queue item's URL. */
    String build(String job, Map<String, String> parameters) {
        if (baseUrl == null || user == null || token == null) {
            throw new PermanentFailure("JENKINS_URL, JENKINS_USER and JENKINS_API_TOKEN must all be set for Jenkins deployments");
        }
        String path = java.util.Arrays.stream(job.split("/")).map(part -> "/job/" + encode(part)).collect(Collectors.joining());
        String form = parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpAnswer answer = http.send(authorized(HttpCall.post(baseUrl + path + "/buildWithParameters"))
                .body("application/x-www-form-urlencoded", form));
        if (answer.status() == 429 || answer.status() >= 500) throw new TransientFailure("Jenkins answered " + answer.status(), null);
        if (answer.status() == 404) throw new PermanentFailure("Jenkins has no job `" + job + "` (or the user cannot see it)");
        if (!answer.ok() || answer.header("Location") == null) {
            throw new PermanentFailure("Jenkins refused to build `" + job + "` (HTTP " + answer.status() + ")");
        }
        String location = answer.header("Location");
        return location.endsWith("/") ? location : location + "/";
    }

    Queued queueItem(String queueUrl) {
        HttpAnswer answer = http.send(authorized(HttpCall.get(queueUrl + "api/json")));
        if (answer.status() == 404) return new Queued.Gone();
        JsonNode item = ok(answer).json();
        if (item.path("cancelled").asBoolean(false)) return new Queued.Cancelled();
        String build = item.path("executable").path("url").asText("");
        return build.isEmpty() ? new Queued.Waiting() : new Queued.Started(build.endsWith("/") ? build : build + "/");
    }

    Build build(String buildUrl) {
        JsonNode build = ok(http.send(authorized(HttpCall.get(buildUrl + "api/json")))).json();
        return new Build(build.path("building").asBoolean(false), build.path("result").isNull() ? null : build.path("result").asText(null));
    }

    private HttpCall authorized(HttpCall call) {
        return call.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpAnswer ok(HttpAnswer answer) {
        if (answer.status() == 429 || answer.status() >= 500) throw new TransientFailure("Jenkins answered " + answer.status(), null);
        return answer.requireSuccess("Asking Jenkins");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
