package dev.capstan.features.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.http.HttpExchange;
import dev.capstan.security.Hmac;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pretend GitHub for the playground, behind the platform's GitHub App client: the App's installation token, any
 * repository with the playground's people as collaborators, deployments, and teams that simply exist. A deployment is
 * then run by a pretend deployment service that sends GitHub's signed {@code deployment_status} webhooks back
 * (queued, in progress, success), so the deployment's message can be watched moving through its states.
 */
final class PlaygroundGitHub {
    static final String ORG = "acme";
    static final List<String> LOGINS = List.of("ada", "leo", "mia", "max");
    private static final Logger log = LoggerFactory.getLogger(PlaygroundGitHub.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long INSTALLATION = 1;

    private final String baseUrl;
    private final String webhookSecret;
    private final long stepMillis;
    private final AtomicLong ids = new AtomicLong(100);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService service = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "playground-deploy-service");
        thread.setDaemon(true);
        return thread;
    });

    /** Webhooks go to Capstan at {@code baseUrl}, signed with {@code webhookSecret}, one state every {@code stepMillis}. */
    PlaygroundGitHub(String baseUrl, String webhookSecret, long stepMillis) {
        this.baseUrl = baseUrl;
        this.webhookSecret = webhookSecret;
        this.stepMillis = stepMillis;
    }

    HttpExchange.Response handle(String method, HttpExchange.Request request) throws Exception {
        String path = request.path().replaceFirst("^/playground/github", "").replaceFirst("\\?.*$", "");
        JsonNode body = request.bytes().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.bytes());
        String[] parts = path.split("/");
        if (path.equals("/app")) return json(200, JSON.createObjectNode().put("id", 1).put("slug", "capstan-playground"));
        if (path.equals("/orgs/" + ORG + "/installation")) {
            return json(200, JSON.createObjectNode().put("id", INSTALLATION).put("app_id", 1)
                    .put("access_tokens_url", baseUrl + "/playground/github/app/installations/" + INSTALLATION + "/access_tokens"));
        }
        if (path.startsWith("/app/installations/")) {
            return json(201, JSON.createObjectNode().put("token", "ghs_playground").put("expires_at", "2099-01-01T00:00:00Z"));
        }
        if (path.startsWith("/repos/") && parts.length >= 4) return repository(method, parts[2] + "/" + parts[3], path, body);
        if (path.startsWith("/users/")) return json(200, JSON.createObjectNode().put("login", parts[2]).put("id", Math.abs(parts[2].hashCode())));
        if (path.startsWith("/orgs/" + ORG + "/teams") && method.equals("POST")) {
            return json(201, JSON.createObjectNode().put("id", ids.incrementAndGet()).put("name", body.path("name").asText())
                    .put("slug", body.path("name").asText().toLowerCase()));
        }
        if (path.equals("/orgs/" + ORG) && method.equals("GET")) return json(200, JSON.createObjectNode().put("login", ORG).put("id", 1));
        if (path.startsWith("/orgs/") && method.equals("GET") && path.endsWith("/teams")) return json(200, JSON.createArrayNode());
        if (path.startsWith("/orgs/") || path.startsWith("/organizations/")) {
            return method.equals("GET") ? notFound() : json(method.equals("DELETE") ? 204 : 200, JSON.createObjectNode().put("state", "active").put("role", "member"));
        }
        return notFound();
    }

    private HttpExchange.Response repository(String method, String repository, String path, JsonNode body) throws Exception {
        String rest = path.substring(("/repos/" + repository).length());
        if (rest.isEmpty()) return json(200, JSON.createObjectNode().put("full_name", repository).put("default_branch", "main"));
        if (rest.startsWith("/collaborators")) {
            ArrayNode list = JSON.createArrayNode();
            if (!rest.contains("page=2")) LOGINS.forEach(login -> list.addObject().put("login", login));
            return json(200, list);
        }
        if (rest.equals("/tags")) {
            ArrayNode tags = JSON.createArrayNode();
            List.of("v1.1.0", "v1.0.0").forEach(tag -> tags.addObject().put("name", tag).putObject("commit").put("sha", sha("refs/tags/" + tag)));
            return json(200, tags);
        }
        if (rest.startsWith("/compare/")) return json(200, comparison(repository, rest.substring("/compare/".length())));
        if (rest.startsWith("/commits/")) return json(200, JSON.createObjectNode().put("sha", sha(rest.substring(9))));
        if (rest.equals("/deployments") && method.equals("POST")) {
            long id = ids.incrementAndGet();
            String sha = sha(body.path("ref").asText());
            ObjectNode deployment = JSON.createObjectNode().put("id", id).put("sha", sha).put("ref", body.path("ref").asText())
                    .put("environment", body.path("environment").asText());
            deployment.set("payload", body.path("payload"));
            run(repository, deployment);
            return json(201, deployment);
        }
        if (rest.matches("/deployments/\\d+/statuses") || rest.endsWith("/dispatches")) {
            return json(rest.endsWith("/dispatches") ? 204 : 201, JSON.createObjectNode().put("id", ids.incrementAndGet()));
        }
        return notFound();
    }

    /** What a dry run sees going out: two pretend commits by the playground's people, one from a pull request. */
    private static ObjectNode comparison(String repository, String basehead) {
        ObjectNode answer = JSON.createObjectNode().put("status", "ahead").put("ahead_by", 2).put("behind_by", 0).put("total_commits", 2)
                .put("html_url", "https://github.com/" + repository + "/compare/" + basehead);
        ArrayNode commits = answer.putArray("commits");
        List<String> messages = List.of("Tidy the header (#12)", "Explain the pricing page");
        for (int i = 0; i < messages.size(); i++) {
            ObjectNode commit = commits.addObject().put("sha", sha("commit-" + i));
            commit.putObject("author").put("login", LOGINS.get(i % LOGINS.size()));
            commit.putObject("commit").put("message", messages.get(i)).putObject("author").put("name", LOGINS.get(i % LOGINS.size()));
        }
        return answer;
    }

    /** The pretend deployment service: GitHub's deployment_status webhooks, one state per step. */
    private void run(String repository, ObjectNode deployment) {
        List<String> states = List.of("queued", "in_progress", "success");
        for (int i = 0; i < states.size(); i++) {
            String state = states.get(i);
            service.schedule(() -> send(repository, deployment, state), stepMillis * (i + 1), TimeUnit.MILLISECONDS);
        }
    }

    private void send(String repository, ObjectNode deployment, String state) {
        ObjectNode event = JSON.createObjectNode().put("action", "created");
        event.putObject("deployment_status").put("state", state).put("description", "The playground's pretend deployment service")
                .put("log_url", "https://ci.example.com/" + repository + "/" + deployment.path("id").asText());
        event.set("deployment", deployment);
        event.putObject("repository").put("full_name", repository);
        byte[] bytes = event.toString().getBytes(StandardCharsets.UTF_8);
        try {
            http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/github/webhook")).header("Content-Type", "application/json")
                    .header("X-GitHub-Event", "deployment_status").header("X-GitHub-Delivery", UUID.randomUUID().toString())
                    .header("X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(webhookSecret, bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            log.info("The playground's deployment service could not reach Capstan: {}", e.getMessage());
        }
    }

    /** A made-up commit id that stays the same for the same ref. */
    private static String sha(String ref) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(ref.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpExchange.Response json(int status, JsonNode body) {
        return new HttpExchange.Response(status, "application/json; charset=utf-8", body.toString());
    }

    private static HttpExchange.Response notFound() {
        return new HttpExchange.Response(404, "application/json; charset=utf-8",
                "{\"message\":\"Not Found (the playground's GitHub stand-in does not know this)\"}");
    }
}
