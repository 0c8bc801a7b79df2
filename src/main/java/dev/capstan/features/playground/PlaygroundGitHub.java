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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pretend GitHub for the playground, behind the platform's GitHub App client: the App's installation token, the
 * organisation {@code acme} with its members and teams ({@link PretendOrg}), any repository with the playground's
 * people and two logins nobody claimed yet as collaborators, one commit history every answer agrees with
 * ({@link PretendCommits}), deployments, and workflow dispatches. A deployment is then run by a pretend deployment service that sends GitHub's signed
 * {@code deployment_status} webhooks back (queued, in progress, success), so its message can be watched moving.
 */
final class PlaygroundGitHub {
    static final String ORG = PretendOrg.LOGIN;
    /** The seeded people's logins: members of the organisation and collaborators on every repository. */
    static final List<String> LOGINS = SeededPeople.ALL.stream().map(SeededPeople.Seed::login).toList();
    /**
     * Collaborators nobody in the playground has linked yet (the seeded people's logins are): deploybot's buttons at
     * setup and for a newcomer offer these, so they can be tried on the page.
     */
    static final List<String> UNCLAIMED = List.of("nia", "sam");
    private static final Logger log = LoggerFactory.getLogger(PlaygroundGitHub.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long INSTALLATION = 1;

    private final String baseUrl;
    private final String webhookSecret;
    private final long stepMillis;
    private final PretendCommits commits = new PretendCommits();
    /** When the pretend commits were written, for the lead time of the delivery metrics. */
    private final java.time.Instant written = java.time.Instant.now().minus(java.time.Duration.ofHours(3));
    private final PretendOrg org;
    private final Map<Long, ObjectNode> dispatchedRuns = new ConcurrentHashMap<>();
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
        this.org = new PretendOrg(baseUrl + "/playground/github", LOGINS);
    }

    HttpExchange.Response handle(String method, HttpExchange.Request request) throws Exception {
        String full = request.path().replaceFirst("^/playground/github", "");
        String path = full.replaceFirst("\\?.*$", "");
        String query = full.contains("?") ? full.substring(full.indexOf('?') + 1) : "";
        JsonNode body = request.bytes().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.bytes());
        String[] parts = path.split("/");
        if (path.equals("/app")) return json(200, JSON.createObjectNode().put("id", 1).put("slug", "capstan-playground"));
        if (path.equals("/orgs/" + ORG + "/installation")) {
            ObjectNode installation = JSON.createObjectNode().put("id", INSTALLATION).put("app_id", 1)
                    .put("access_tokens_url", baseUrl + "/playground/github/app/installations/" + INSTALLATION + "/access_tokens");
            installation.putObject("account").put("login", ORG).put("id", PretendOrg.ID);
            return json(200, installation);
        }
        if (path.startsWith("/app/installations/")) {
            return json(201, JSON.createObjectNode().put("token", "ghs_playground").put("expires_at", "2099-01-01T00:00:00Z"));
        }
        if (path.startsWith("/repos/") && parts.length >= 4) return repository(method, parts[2] + "/" + parts[3], path, query, body);
        Optional<PretendOrg.Answer> answer = org.handle(method, path, query, body);
        if (answer.isPresent()) {
            return answer.get().body() == null ? new HttpExchange.Response(answer.get().status(), "application/json; charset=utf-8", "")
                    : json(answer.get().status(), answer.get().body());
        }
        return notFound();
    }

    private HttpExchange.Response repository(String method, String repository, String path, String query, JsonNode body) throws Exception {
        String rest = path.substring(("/repos/" + repository).length());
        if (rest.isEmpty()) return json(200, JSON.createObjectNode().put("full_name", repository).put("default_branch", "main"));
        if (rest.startsWith("/collaborators")) {
            ArrayNode list = JSON.createArrayNode();
            if (!query.contains("page=2")) {
                Stream.concat(LOGINS.stream(), UNCLAIMED.stream()).forEach(login -> list.addObject().put("login", login)
                        .put("id", PretendOrg.userId(login)));
            }
            return json(200, list);
        }
        if (rest.equals("/tags")) {
            ArrayNode tags = JSON.createArrayNode();
            List.of("v1.1.0", "v1.0.0").forEach(tag -> tags.addObject().put("name", tag).putObject("commit")
                    .put("sha", commits.resolve(tag).orElseThrow().sha()));
            return json(200, tags);
        }
        if (rest.startsWith("/compare/")) return comparison(repository, rest.substring("/compare/".length()));
        if (rest.matches("/commits/.+/status")) return json(200, combinedStatus());
        if (rest.matches("/commits/.+/check-runs")) return json(200, JSON.createObjectNode().put("total_count", 0).set("check_runs", JSON.createArrayNode()));
        if (rest.startsWith("/commits/")) return commits.resolve(rest.substring("/commits/".length()))
                .map(commit -> json(200, commitJson(commit))).orElseGet(() -> unprocessable("No commit found for SHA: " + rest.substring(9)));
        if (rest.matches("/git/ref/(heads|tags)/.+")) {
            String ref = rest.substring("/git/ref/".length());
            return commits.resolve(ref).map(commit -> {
                ObjectNode answer = JSON.createObjectNode().put("ref", "refs/" + ref);
                answer.putObject("object").put("sha", commit.sha()).put("type", "commit");
                return json(200, answer);
            }).orElseGet(PlaygroundGitHub::notFound);
        }
        if (rest.equals("/deployments") && method.equals("POST")) return deploy(repository, body);
        if (rest.matches("/deployments/\\d+/statuses")) return json(201, JSON.createObjectNode().put("id", ids.incrementAndGet()));
        if (rest.matches("/actions/workflows/[^/]+/dispatches") && method.equals("POST")) return dispatch(repository, body);
        if (rest.matches("/actions/workflows/[^/]+/runs")) {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode runs = answer.putArray("workflow_runs");
            dispatchedRuns.values().forEach(runs::add);
            return json(200, answer.put("total_count", runs.size()));
        }
        return notFound();
    }

    private HttpExchange.Response deploy(String repository, JsonNode body) {
        String ref = body.path("ref").asText();
        Optional<PretendCommits.Commit> commit = commits.resolve(ref);
        if (commit.isEmpty()) return unprocessable("No ref found for: " + ref);
        long id = ids.incrementAndGet();
        ObjectNode deployment = JSON.createObjectNode().put("id", id).put("sha", commit.get().sha()).put("ref", ref)
                .put("environment", body.path("environment").asText());
        deployment.set("payload", body.path("payload"));
        run(repository, deployment);
        return json(201, deployment);
    }

    /** A workflow dispatch: its run is then listed, titled with the deployment id as the README asks a workflow to. */
    private HttpExchange.Response dispatch(String repository, JsonNode body) {
        long id = ids.incrementAndGet();
        ObjectNode run = JSON.createObjectNode().put("id", id).put("name", "Deploy")
                .put("display_title", "Deploy " + body.path("inputs").path("deployment_id").asText(""))
                .put("html_url", "https://github.com/" + repository + "/actions/runs/" + id).put("status", "queued");
        dispatchedRuns.put(id, run);
        return new HttpExchange.Response(204, "application/json; charset=utf-8", "");
    }

    /** Every commit's checks passed: the playground's CI is as pretend as its deployment service. */
    private static ObjectNode combinedStatus() {
        ObjectNode answer = JSON.createObjectNode().put("state", "success");
        answer.putArray("statuses").addObject().put("context", "ci/test").put("state", "success")
                .put("description", "The playground's pretend CI");
        return answer;
    }

    /** What a dry run sees going out, from the one history; GitHub answers 404 for commits it does not know. */
    private HttpExchange.Response comparison(String repository, String basehead) {
        String[] ends = basehead.split("\\.\\.\\.", 2);
        if (ends.length < 2) return notFound();
        Optional<PretendCommits.Comparison> comparison = commits.compare(ends[0], ends[1]);
        if (comparison.isEmpty()) return notFound();
        PretendCommits.Comparison c = comparison.get();
        ObjectNode answer = JSON.createObjectNode().put("status", c.status()).put("ahead_by", c.aheadBy()).put("behind_by", c.behindBy())
                .put("total_commits", c.commits().size()).put("html_url", "https://github.com/" + repository + "/compare/" + basehead);
        answer.putObject("base_commit").put("sha", ends[0]);
        answer.putObject("merge_base_commit").put("sha", ends[0]);
        ArrayNode list = answer.putArray("commits");
        c.commits().forEach(commit -> list.add(commitJson(commit)));
        return json(200, answer);
    }

    /** A commit as compare lists it; every pretend commit was written three hours before the playground started. */
    private ObjectNode commitJson(PretendCommits.Commit commit) {
        ObjectNode node = JSON.createObjectNode().put("sha", commit.sha());
        node.putObject("author").put("login", commit.author());
        node.putObject("commit").put("message", commit.message()).putObject("author").put("name", commit.author())
                .put("date", written.toString());
        return node;
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

    private static HttpExchange.Response json(int status, JsonNode body) {
        return new HttpExchange.Response(status, "application/json; charset=utf-8", body.toString());
    }

    private static HttpExchange.Response unprocessable(String message) {
        return json(422, JSON.createObjectNode().put("message", message));
    }

    private static HttpExchange.Response notFound() {
        return new HttpExchange.Response(404, "application/json; charset=utf-8",
                "{\"message\":\"Not Found (the playground's GitHub stand-in does not know this)\"}");
    }
}
