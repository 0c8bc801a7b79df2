package dev.capstan.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.command.PermanentFailure;
import dev.capstan.command.TransientFailure;
import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import dev.capstan.http.OutboundClient;
import dev.capstan.security.SecretMask;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Jenkins' remote access API, the one client every family uses: a job's parameters, a build queued with parameters (201
 * and the queue item in {@code Location}), the queue item until it names its build, and the build until it has a result.
 * With an API token no crumb is needed; with a password a crumb is fetched first and sent with its session cookie.
 * Jenkins forgets a queue item about five minutes after its build started: callers poll faster than that.
 */
public final class JenkinsClient {
    /** What a refused or unanswered trigger means to the caller. */
    public enum TriggerRetry {
        /** Jenkins busy (429) or failing (5xx): the job retries the trigger. */
        WHEN_BUSY,
        /** Every refusal is final, so a build is never triggered twice. */
        NEVER
    }

    /** What the queue item says now. */
    public sealed interface Queued {
        /** Still waiting for an executor. */
        record Waiting() implements Queued { }

        /** Its build started, at {@code buildUrl} (on the address Capstan reaches Jenkins by). */
        record Started(String buildUrl, int number) implements Queued { }

        /** Cancelled while it waited. */
        record Cancelled() implements Queued { }

        /** Jenkins no longer knows it (forgotten minutes after its build started, or never there). */
        record Gone() implements Queued { }
    }

    /** A build as Jenkins reports it: whether it runs, its result (null while it runs) and how long it took. */
    public record Build(boolean building, String result, long durationMillis) {
        public boolean ended() {
            return !building && result != null;
        }
    }

    private final URI base;
    private final String authorization;
    private final boolean needsCrumb;
    private final OutboundClient http;

    JenkinsClient(URI base, JenkinsAccess access, OutboundClient http, SecretMask secrets) {
        this.base = base;
        String secret = access.token() != null ? access.token() : access.password();
        this.authorization = access.user() != null && secret != null ? basic(access.user(), secret, secrets) : null;
        this.needsCrumb = access.token() == null && access.password() != null;
        this.http = http;
    }

    public String host() {
        return base.getHost();
    }

    /** {@code ops/restart} → {@code …/job/ops/job/restart/}, each folder and name encoded as one path segment. */
    public String jobUrl(String job) {
        StringBuilder url = new StringBuilder(base.toString());
        for (String name : job.split("/")) url.append("job/").append(segment(name)).append('/');
        return url.toString();
    }

    /** The names of the job's parameters; empty when Jenkins has no such job. */
    public Optional<Set<String>> parameters(String job) {
        HttpAnswer answer = http.send(authorized(HttpCall.get(jobUrl(job) + "api/json?tree=property%5BparameterDefinitions%5Bname%5D%5D")));
        if (answer.status() == 404) return Optional.empty();
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode property : answer.requireSuccess("Reading the job " + job).json().path("property")) {
            for (JsonNode definition : property.path("parameterDefinitions")) names.add(definition.path("name").asText());
        }
        return Optional.of(names);
    }

    /** Parameters as the form body of {@link #trigger}. */
    public static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> segment(e.getKey()) + "=" + segment(e.getValue())).collect(Collectors.joining("&"));
    }

    /** Queues a build ({@code build} without parameters, else {@code buildWithParameters}); the queue item's URL. */
    public String trigger(String job, String form, TriggerRetry retry) {
        HttpCall call = authorized(HttpCall.post(jobUrl(job) + triggerPath(form))).body("application/x-www-form-urlencoded", form);
        if (needsCrumb) call = withCrumb(call);
        HttpAnswer answer = http.send(call);
        if (retry == TriggerRetry.WHEN_BUSY && (answer.status() == 429 || answer.status() >= 500)) {
            throw new TransientFailure("Jenkins answered " + answer.status(), null);
        }
        if (answer.status() == 404) throw new PermanentFailure("Jenkins has no job `" + job + "` (or the user cannot see it)");
        if (!answer.ok()) {
            throw new PermanentFailure("Jenkins refused to build `" + job + "`: it answered " + answer.status() + answer.excerpt());
        }
        String location = answer.header("Location");
        if (location == null) throw new PermanentFailure("Jenkins queued `" + job + "` but named no queue item (no Location header)");
        return rebased(location);
    }

    /** The trigger's path after the job's URL. */
    public static String triggerPath(String form) {
        return form.isEmpty() ? "build" : "buildWithParameters";
    }

    public Queued queueItem(String queueUrl) {
        HttpAnswer answer = http.send(authorized(HttpCall.get(queueUrl + "api/json")));
        if (answer.status() == 404) return new Queued.Gone();
        JsonNode item = answer.requireSuccess("Following the queue item").json();
        if (item.path("cancelled").asBoolean(false)) return new Queued.Cancelled();
        JsonNode executable = item.path("executable");
        if (!executable.hasNonNull("url")) return new Queued.Waiting();
        return new Queued.Started(rebased(executable.path("url").asText()), executable.path("number").asInt());
    }

    public Build build(String buildUrl) {
        JsonNode build = http.send(authorized(HttpCall.get(buildUrl + "api/json?tree=number,url,building,result,duration")))
                .requireSuccess("Following the build").json();
        JsonNode result = build.path("result");
        return new Build(build.path("building").asBoolean(false), result.isNull() || result.isMissingNode() ? null : result.asText(),
                build.path("duration").asLong());
    }

    /** A URL Jenkins returned, on the scheme, host and port Capstan reaches it by (Jenkins may know itself by another name). */
    String rebased(String url) {
        URI returned = base.resolve(url);
        String path = returned.getRawPath() == null ? "/" : returned.getRawPath();
        return base.getScheme() + "://" + base.getRawAuthority() + (path.endsWith("/") ? path : path + "/");
    }

    /** The headers a trigger sends, as a dry run shows them: secrets as placeholders. */
    public Map<String, String> previewHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", "Basic [secret " + (needsCrumb ? JenkinsAccess.PASSWORD : JenkinsAccess.TOKEN) + "]");
        }
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

    private static String basic(String user, String secret, SecretMask secrets) {
        String credential = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        secrets.add(credential);
        return "Basic " + credential;
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters: one path segment, form name or value. */
    private static String segment(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
