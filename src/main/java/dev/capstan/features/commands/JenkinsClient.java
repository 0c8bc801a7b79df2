package dev.capstan.features.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.command.PermanentFailure;
import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import dev.capstan.http.OutboundClient;
import dev.capstan.security.SecretMask;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Jenkins' remote access API as declared commands use it: a job's parameter definitions, a build triggered with
 * parameters (201 + Location of the queue item), the queue item until it names its build, and the build until it ends.
 * With an API token no crumb is needed; with a password a crumb is fetched first and sent with its session cookie.
 */
final class JenkinsClient {
    static final String URL = "JENKINS_URL";
    static final String USER = "JENKINS_USER";
    static final String TOKEN = "JENKINS_API_TOKEN";
    static final String PASSWORD = "JENKINS_PASSWORD";

    private final URI base;
    private final String authorization;
    private final boolean needsCrumb;
    private final OutboundClient http;

    JenkinsClient(String url, String user, String token, String password, SecretMask secretMask, OutboundClient http) {
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        String secret = token != null ? token : password;
        this.authorization = user != null && secret != null ? Secrets.basic(user, secret, secretMask) : null;
        this.needsCrumb = token == null && password != null;
        this.http = http;
    }

    String host() {
        return base.getHost();
    }

    /** {@code ops/restart} → {@code …/job/ops/job/restart/}, each name encoded as one path segment. */
    String jobUrl(String job) {
        StringBuilder url = new StringBuilder(base.toString());
        for (String name : job.split("/")) url.append("job/").append(Encoding.component(name)).append('/');
        return url.toString();
    }

    /** The names of the job's parameters; empty when Jenkins has no such job. */
    Optional<Set<String>> parameters(String job) {
        HttpAnswer answer = http.send(authorized(HttpCall.get(jobUrl(job) + "api/json?tree=property%5BparameterDefinitions%5Bname%5D%5D")));
        if (answer.status() == 404) return Optional.empty();
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode property : answer.requireSuccess("Reading the job " + job).json().path("property")) {
            for (JsonNode definition : property.path("parameterDefinitions")) names.add(definition.path("name").asText());
        }
        return Optional.of(names);
    }

    /** Queues a build and returns its queue item's URL; any refusal is permanent, so a build is never triggered twice. */
    String trigger(String job, String form) {
        HttpCall call = authorized(HttpCall.post(jobUrl(job) + (form.isEmpty() ? "build" : "buildWithParameters")))
                .body("application/x-www-form-urlencoded", form);
        if (needsCrumb) call = withCrumb(call);
        HttpAnswer answer = http.send(call);
        if (answer.status() == 404) throw new PermanentFailure("Jenkins has no job " + job);
        if (!answer.ok()) throw new PermanentFailure("Jenkins refused to build " + job + ": it answered " + answer.status() + answer.excerpt());
        String location = answer.header("Location");
        if (location == null) throw new PermanentFailure("Jenkins queued " + job + " but named no queue item (no Location header)");
        return rebased(location);
    }

    /** The queue item's JSON; empty when Jenkins forgot it (it does, minutes after the build started). */
    Optional<JsonNode> queueItem(String url) {
        HttpAnswer answer = http.send(authorized(HttpCall.get(url + "api/json")));
        if (answer.status() == 404) return Optional.empty();
        return Optional.of(answer.requireSuccess("Following the queue item").json());
    }

    JsonNode build(String url) {
        return http.send(authorized(HttpCall.get(url + "api/json?tree=number,url,building,result,duration,fullDisplayName")))
                .requireSuccess("Following the build").json();
    }

    /** A URL Jenkins returned, on the scheme, host and port Capstan reaches it by (Jenkins may know itself by another name). */
    String rebased(String url) {
        URI returned = base.resolve(url);
        String path = returned.getRawPath() == null ? "/" : returned.getRawPath();
        return base.getScheme() + "://" + base.getRawAuthority() + (path.endsWith("/") ? path : path + "/");
    }

    /** The headers a trigger sends, as a dry run shows them. */
    Map<String, String> previewHeaders() {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (authorization != null) headers.put("Authorization", "Basic [secret " + (needsCrumb ? PASSWORD : TOKEN) + "]");
        if (needsCrumb) headers.put("Jenkins-Crumb", "[asked of crumbIssuer first]");
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        return headers;
    }

    private HttpCall authorized(HttpCall call) {
        return authorization == null ? call : call.header("Authorization", authorization);
    }

    private HttpCall withCrumb(HttpCall call) {
        HttpAnswer answer = http.send(authorized(HttpCall.get(base + "crumbIssuer/api/json")));
        if (answer.status() == 404) return call;
        JsonNode crumb = answer.requireSuccess("Asking Jenkins for a crumb").json();
        HttpCall withCrumb = call.header(crumb.path("crumbRequestField").asText("Jenkins-Crumb"), crumb.path("crumb").asText());
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : answer.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Set-Cookie")) header.getValue().forEach(c -> cookies.add(c.split(";", 2)[0]));
        }
        return cookies.isEmpty() ? withCrumb : withCrumb.header("Cookie", String.join("; ", cookies));
    }
}
