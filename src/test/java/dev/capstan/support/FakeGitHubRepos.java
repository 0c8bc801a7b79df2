package dev.capstan.support;

import static dev.capstan.support.FakeHttp.error;
import static dev.capstan.support.FakeHttp.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repositories behind {@link FakeGitHub}'s App authentication, as GitHub's REST API answers about them: the repository,
 * its collaborators, deployments (GitHub's required-contexts check, 201, 409 naming every required context and its
 * state, 422) and their statuses (only the REST
 * spellings of a state are accepted, so {@code in-progress} is refused as GitHub refuses it), Actions dispatches
 * and runs, its default branch and tags (in no particular order, as GitHub lists them), comparisons of two commits (scripted by the test; unknown pairs are 404 as for commits GitHub lacks),
 * and a commit's combined status and check runs. Everything is recorded for the test to read.
 */
public final class FakeGitHubRepos implements FakeGitHub.Extension {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPO = Pattern.compile("/repos/([^/]+/[^/]+)(/.*)?");
    private static final Set<String> STATES = Set.of("error", "failure", "inactive", "in_progress", "queued", "pending", "success");

    /** A deployment as the fake keeps it: the request body GitHub got, and the statuses written to it since. */
    public record FakeDeployment(long id, String repository, String sha, JsonNode request, List<JsonNode> statuses) {
        public List<String> states() {
            return statuses.stream().map(s -> s.path("state").asText()).toList();
        }
    }

    /** One repository: collaborators, refs (full ref → sha), commit check states (context → state) by sha, check runs, comparisons. */
    private record Repo(String fullName, List<String> collaborators, Map<String, String> refs, Map<String, Map<String, String>> checks,
                        Map<String, Map<String, String>> checkRuns, Map<String, ObjectNode> comparisons, Map<String, String> defaultBranch) { }

    /** A commit of a comparison: its sha, its author's login (null for an author GitHub cannot link), name and message. */
    public record Commit(String sha, String login, String name, String message, java.time.Instant authored) {
        public Commit(String sha, String login, String name, String message) {
            this(sha, login, name, message, null);
        }
    }

    private final Map<String, Repo> repos = new ConcurrentHashMap<>();
    private final List<FakeDeployment> deployments = new CopyOnWriteArrayList<>();
    private final List<JsonNode> dispatches = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> runs = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(7000);
    private volatile boolean runDetails = true;
    private volatile String nextAnswer;

    /** A repository the App can see, with collaborators; refs are added with {@link #ref}. */
    public FakeGitHubRepos repository(String fullName, String... collaborators) {
        repos.put(fullName.toLowerCase(), new Repo(fullName, new CopyOnWriteArrayList<>(List.of(collaborators)),
                new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>(Map.of("name", "main"))));
        return this;
    }

    /** The repository's default branch ({@code main} unless set). */
    public FakeGitHubRepos defaultBranch(String repository, String branch) {
        repo(repository).defaultBranch().put("name", branch);
        return this;
    }

    /** A branch ("refs/heads/main") or tag ("refs/tags/v1.0.0") pointing at {@code sha}. */
    public FakeGitHubRepos ref(String repository, String fullRef, String sha) {
        repo(repository).refs().put(fullRef, sha);
        return this;
    }

    /** A commit status of {@code sha}: the state of one check context. */
    public FakeGitHubRepos check(String repository, String sha, String context, String state) {
        repo(repository).checks().computeIfAbsent(sha, s -> new ConcurrentHashMap<>()).put(context, state);
        return this;
    }

    /** A check run of {@code sha}: "completed" with a conclusion, or "queued" / "in_progress" with none. */
    public FakeGitHubRepos checkRun(String repository, String sha, String name, String status, String conclusion) {
        repo(repository).checkRuns().computeIfAbsent(sha, s -> new ConcurrentHashMap<>()).put(name, status + "/" + (conclusion == null ? "" : conclusion));
        return this;
    }

    /** What {@code GET /compare/base...head} answers: head {@code status} (ahead, behind, diverged) of base, with these commits. */
    public FakeGitHubRepos comparison(String repository, String base, String head, String status, int aheadBy, int behindBy, Commit... commits) {
        Repo repo = repo(repository);
        ObjectNode answer = JSON.createObjectNode().put("status", status).put("ahead_by", aheadBy).put("behind_by", behindBy)
                .put("total_commits", aheadBy).put("html_url", "https://github.com/" + repo.fullName() + "/compare/" + base + "..." + head);
        answer.putObject("base_commit").put("sha", base);
        answer.putObject("merge_base_commit").put("sha", base);
        ArrayNode list = answer.putArray("commits");
        for (Commit c : commits) {
            ObjectNode commit = list.addObject().put("sha", c.sha());
            if (c.login() == null) commit.putNull("author");
            else commit.putObject("author").put("login", c.login());
            ObjectNode author = commit.putObject("commit").put("message", c.message()).putObject("author").put("name", c.name());
            if (c.authored() != null) author.put("date", c.authored().toString());
        }
        repo.comparisons().put(base + "..." + head, answer);
        return this;
    }

    /** Whether dispatches answer with the run's details (newer GitHub) or refuse the field with 422 (older servers). */
    public void runDetails(boolean supported) {
        runDetails = supported;
    }

    /** The next deployment request is answered 202 (an auto-merge happened) instead of being created. */
    public void mergeOnNextDeployment() {
        nextAnswer = "202";
    }

    public List<FakeDeployment> deployments() {
        return List.copyOf(deployments);
    }

    public FakeDeployment deployment(long id) {
        return deployments.stream().filter(d -> d.id() == id).findFirst().orElseThrow(() -> new AssertionError("no deployment " + id));
    }

    public List<JsonNode> dispatches() {
        return List.copyOf(dispatches);
    }

    @Override
    public boolean answer(HttpExchange exchange, String method, String path, String body) throws IOException {
        Matcher matcher = REPO.matcher(path);
        if (!matcher.matches()) return false;
        Repo repo = repos.get(matcher.group(1).toLowerCase());
        String rest = matcher.group(2) == null ? "" : matcher.group(2);
        if (repo == null) {
            FakeHttp.respond(exchange, 404, error("Not Found"));
            return true;
        }
        if (method.equals("GET") && rest.isEmpty()) {
            FakeHttp.respond(exchange, 200, JSON.createObjectNode().put("full_name", repo.fullName())
                    .put("default_branch", repo.defaultBranch().get("name")).toString());
        } else if (method.equals("GET") && rest.equals("/tags")) {
            ArrayNode list = JSON.createArrayNode();
            if (query(exchange, "page", "1").equals("1")) {
                repo.refs().forEach((ref, sha) -> {
                    if (ref.startsWith("refs/tags/")) list.addObject().put("name", ref.substring("refs/tags/".length())).putObject("commit").put("sha", sha);
                });
            }
            FakeHttp.respond(exchange, 200, list.toString());
        } else if (method.equals("GET") && rest.equals("/collaborators")) {
            int page = Integer.parseInt(query(exchange, "page", "1"));
            ArrayNode list = JSON.createArrayNode();
            if (page == 1) repo.collaborators().forEach(login -> list.addObject().put("login", login).put("id", Math.abs(login.hashCode())));
            FakeHttp.respond(exchange, 200, list.toString());
        } else if (method.equals("GET") && rest.startsWith("/compare/")) {
            compare(exchange, repo, rest.substring("/compare/".length()));
        } else if (method.equals("GET") && rest.matches("/commits/[^/]+/status")) {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode statuses = answer.putArray("statuses");
            repo.checks().getOrDefault(rest.split("/")[2], Map.of()).forEach((context, state) -> statuses.addObject().put("context", context).put("state", state));
            FakeHttp.respond(exchange, 200, answer.toString());
        } else if (method.equals("GET") && rest.matches("/commits/[^/]+/check-runs")) {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode runs = answer.putArray("check_runs");
            repo.checkRuns().getOrDefault(rest.split("/")[2], Map.of()).forEach((name, state) -> {
                ObjectNode run = runs.addObject().put("name", name).put("status", state.split("/", -1)[0]);
                if (state.split("/", -1)[1].isEmpty()) run.putNull("conclusion");
                else run.put("conclusion", state.split("/", -1)[1]);
            });
            answer.put("total_count", runs.size());
            FakeHttp.respond(exchange, 200, answer.toString());
        } else if (method.equals("GET") && rest.startsWith("/commits/")) {
            String sha = repo.refs().get("refs/" + rest.substring("/commits/".length()));
            FakeHttp.respond(exchange, sha == null ? 422 : 200, sha == null ? error("No commit found for SHA: " + rest.substring(9))
                    : JSON.createObjectNode().put("sha", sha).toString());
        } else if (method.equals("POST") && rest.equals("/deployments")) {
            createDeployment(exchange, repo, JSON.readTree(body));
        } else if (method.equals("POST") && rest.matches("/deployments/\\d+/statuses")) {
            writeStatus(exchange, Long.parseLong(rest.split("/")[2]), JSON.readTree(body));
        } else if (method.equals("POST") && rest.matches("/actions/workflows/[^/]+/dispatches")) {
            dispatch(exchange, repo, rest.split("/")[3], JSON.readTree(body));
        } else if (method.equals("GET") && rest.matches("/actions/workflows/[^/]+/runs")) {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode list = answer.putArray("workflow_runs");
            runs.stream().filter(r -> r.path("workflow").asText().equals(rest.split("/")[3])).forEach(list::add);
            answer.put("total_count", list.size());
            FakeHttp.respond(exchange, 200, answer.toString());
        } else {
            return false;
        }
        return true;
    }

    private void compare(HttpExchange exchange, Repo repo, String basehead) throws IOException {
        String[] shas = basehead.split("\\.\\.\\.", 2);
        ObjectNode scripted = repo.comparisons().get(basehead);
        if (scripted != null) {
            FakeHttp.respond(exchange, 200, scripted.toString());
        } else if (shas.length == 2 && shas[0].equals(shas[1])) {
            FakeHttp.respond(exchange, 200, JSON.createObjectNode().put("status", "identical").put("ahead_by", 0).put("behind_by", 0)
                    .put("total_commits", 0).put("html_url", "https://github.com/" + repo.fullName() + "/compare/" + basehead)
                    .<ObjectNode>set("base_commit", JSON.createObjectNode().put("sha", shas[0]))
                    .<ObjectNode>set("merge_base_commit", JSON.createObjectNode().put("sha", shas[0]))
                    .set("commits", JSON.createArrayNode()).toString());
        } else {
            FakeHttp.respond(exchange, 404, error("Not Found"));
        }
    }

    private synchronized void createDeployment(HttpExchange exchange, Repo repo, JsonNode request) throws IOException {
        String ref = request.path("ref").asText();
        String sha = repo.refs().get(ref);
        if (sha == null && ref.matches("[0-9a-f]{40}")) sha = ref;
        if (sha == null) {
            FakeHttp.respond(exchange, 422, error("No ref found for: " + ref.replaceFirst("^refs/(heads|tags)/", "")));
            return;
        }
        if ("202".equals(nextAnswer)) {
            nextAnswer = null;
            FakeHttp.respond(exchange, 202, JSON.createObjectNode().put("message", "Auto-merged main into " + ref + " on deployment.").toString());
            return;
        }
        // GitHub's 409 lists every required context with its state, the successful ones too; a context nothing
        // reported yet is listed here as "missing" (GitHub does not document the word it uses for one).
        ArrayNode contexts = JSON.createArrayNode();
        boolean allGreen = true;
        Map<String, String> checks = repo.checks().getOrDefault(sha, Map.of());
        for (JsonNode context : request.path("required_contexts")) {
            String state = checks.getOrDefault(context.asText(), "missing");
            contexts.addObject().put("context", context.asText()).put("state", state);
            allGreen &= state.equals("success");
        }
        if (!allGreen) {
            ObjectNode conflict = JSON.createObjectNode().put("message", "Conflict: Commit status checks failed for " + ref + ".");
            ObjectNode err = conflict.putArray("errors").addObject();
            err.set("contexts", contexts);
            err.put("resource", "Deployment").put("field", "required_contexts").put("code", "invalid");
            conflict.put("documentation_url", "https://docs.github.com/rest/deployments/deployments#create-a-deployment");
            FakeHttp.respond(exchange, 409, conflict.toString());
            return;
        }
        FakeDeployment deployment = new FakeDeployment(ids.incrementAndGet(), repo.fullName(), sha, request, new CopyOnWriteArrayList<>());
        deployments.add(deployment);
        ObjectNode answer = JSON.createObjectNode().put("id", deployment.id()).put("sha", sha).put("ref", ref)
                .put("environment", request.path("environment").asText());
        answer.set("payload", request.path("payload"));
        FakeHttp.respond(exchange, 201, answer.toString());
    }

    private void writeStatus(HttpExchange exchange, long id, JsonNode request) throws IOException {
        FakeDeployment deployment = deployments.stream().filter(d -> d.id() == id).findFirst().orElse(null);
        if (deployment == null) {
            FakeHttp.respond(exchange, 404, error("Not Found"));
        } else if (!STATES.contains(request.path("state").asText())) {
            FakeHttp.respond(exchange, 422, JSON.createObjectNode().put("message", "Validation Failed").toString());
        } else {
            deployment.statuses().add(request);
            FakeHttp.respond(exchange, 201, JSON.createObjectNode().put("id", ids.incrementAndGet()).put("state", request.path("state").asText()).toString());
        }
    }

    private void dispatch(HttpExchange exchange, Repo repo, String workflow, JsonNode request) throws IOException {
        if (!runDetails && request.has("return_run_details")) {
            FakeHttp.respond(exchange, 422, error("Invalid request.\n\n\"return_run_details\" is not a permitted key."));
            return;
        }
        dispatches.add(request);
        long runId = ids.incrementAndGet();
        ObjectNode run = JSON.createObjectNode().put("id", runId).put("workflow", workflow)
                .put("display_title", "Deploy " + request.path("inputs").path("deployment_id").asText() + " of " + repo.fullName())
                .put("html_url", "https://github.com/" + repo.fullName() + "/actions/runs/" + runId).put("status", "queued");
        runs.add(run);
        if (runDetails) {
            FakeHttp.respond(exchange, 200, JSON.createObjectNode().put("workflow_run_id", runId)
                    .put("run_url", "https://api.github.com/repos/" + repo.fullName() + "/actions/runs/" + runId)
                    .put("html_url", run.path("html_url").asText()).toString());
        } else {
            FakeHttp.respond(exchange, 204, "");
        }
    }

    /** The id of the latest Actions run (for the test's workflow_run webhooks). */
    public long latestRunId() {
        return runs.get(runs.size() - 1).path("id").asLong();
    }

    private Repo repo(String name) {
        Repo repo = repos.get(name.toLowerCase());
        if (repo == null) throw new IllegalArgumentException("no repository " + name);
        return repo;
    }
}
