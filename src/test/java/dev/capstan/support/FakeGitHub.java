package dev.capstan.support;

import static dev.capstan.support.FakeHttp.error;
import static dev.capstan.support.FakeHttp.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the GitHub REST API as a GitHub App installed on one organisation sees it: App JWT
 * (checked against a key pair generated here) → installation token, users, org memberships, teams, their members and
 * the repositories they may use.
 * Every call is recorded; the next call matching a method and path can be scripted to fail.
 */
public final class FakeGitHub implements AutoCloseable {
    public static final String ORG = "launchpad";
    public static final String APP_ID = "4242";
    private static final String TOKEN = "ghs_fake_installation_token";
    private static final long ORG_ID = 500;
    private static final long INSTALLATION_ID = 77;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEAM_BY_ID = Pattern.compile("/organizations/\\d+/team/(\\d+)(/.*)?");
    private static final Pattern TEAM_BY_SLUG = Pattern.compile("/orgs/" + ORG + "/teams/([^/]+)(/.*)?");

    /** One recorded request; the path includes the query string. */
    public record Call(String method, String path, String body) { }

    /** A team as the fake keeps it: members by login with their role (member or maintainer). */
    public record FakeTeam(long id, String name, String slug, Map<String, String> members) { }

    private record Failure(String method, String pathPart, int status, String message) { }

    private record Hook(String method, String pathPart, Runnable action) { }

    /** More of GitHub's API behind the same App authentication (repositories, deployments, Actions); true when it answered. */
    @FunctionalInterface
    public interface Extension {
        boolean answer(HttpExchange exchange, String method, String path, String body) throws IOException;
    }

    private final HttpServer server;
    private final FakeAppKey key = new FakeAppKey(APP_ID);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final Map<String, Long> users = new ConcurrentHashMap<>();
    private final Map<String, String> orgRoles = new ConcurrentHashMap<>();
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private final Map<Long, FakeTeam> teams = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, String>> teamRepositories = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final List<Extension> extensions = new CopyOnWriteArrayList<>();
    private volatile int pageLimit = 100;

    public FakeGitHub() {
        server = FakeHttp.serve(this::handle, 4);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The App's private key as GITHUB_APP_PRIVATE_KEY holds it (PKCS#8 PEM). */
    public String privateKeyPem() {
        return key.privateKeyPem();
    }

    /** A GitHub account that exists. */
    public FakeGitHub account(String login, long id) {
        users.put(login.toLowerCase(), id);
        return this;
    }

    /** A team that already exists on GitHub. */
    public FakeTeam team(String name) {
        FakeTeam team = new FakeTeam(ids.incrementAndGet(), name, slug(name), new ConcurrentHashMap<>());
        teams.put(team.id(), team);
        return team;
    }

    /** Serves more of the API; the extension sees only calls that passed the installation token check. */
    public FakeGitHub extend(Extension extension) {
        extensions.add(extension);
        return this;
    }

    /** The next {@code method} call whose path contains {@code pathPart} answers {@code status} with GitHub's error body. */
    public void failNext(String method, String pathPart, int status, String message) {
        failures.add(new Failure(method, pathPart, status, message));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Calls that change something (not GET), as "METHOD path". */
    public List<String> changes() {
        return calls.stream().filter(c -> !c.method().equals("GET")).map(c -> c.method() + " " + c.path()).toList();
    }

    public boolean isOrgMember(String login) {
        return orgRoles.containsKey(login.toLowerCase());
    }

    /** An account that is already an owner of the organisation (GitHub's org role "admin"). */
    public FakeGitHub orgOwner(String login, long id) {
        account(login, id);
        orgRoles.put(login.toLowerCase(), "admin");
        return this;
    }

    /** The login's organisation role ("admin" for owners, "member"), or null when it is not in the organisation. */
    public String orgRole(String login) {
        return orgRoles.get(login.toLowerCase());
    }

    /**
     * Runs {@code action} once, when the fake has handled the next {@code method} call whose path contains
     * {@code pathPart} but not yet answered it: the moment GitHub's webhook for that change may reach the app.
     */
    public void beforeAnswering(String method, String pathPart, Runnable action) {
        hooks.add(new Hook(method, pathPart, action));
    }

    public FakeTeam teamNamed(String name) {
        return teams.values().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getQuery();
        calls.add(new Call(method, query == null ? path : path + "?" + query, body));
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        try {
            if (path.startsWith("/app") || path.equals("/orgs/" + ORG + "/installation")) {
                if (!key.validJwt(auth)) {
                    respond(exchange, 401, error("A JSON web token could not be decoded"));
                    return;
                }
            } else if (!("token " + TOKEN).equals(auth)) {
                respond(exchange, 401, error("Bad credentials"));
                return;
            }
            for (Failure failure : failures) {
                if (failure.method().equals(method) && path.contains(failure.pathPart()) && failures.remove(failure)) {
                    respond(exchange, failure.status(), error(failure.message()));
                    return;
                }
            }
            for (Extension extension : extensions) {
                if (extension.answer(exchange, method, path, body)) return;
            }
            route(exchange, method, path, body);
        } catch (Exception e) {
            respond(exchange, 500, error("fake failed: " + e));
        }
    }

    private void route(HttpExchange exchange, String method, String path, String body) throws IOException {
        Matcher byId = TEAM_BY_ID.matcher(path);
        Matcher bySlug = TEAM_BY_SLUG.matcher(path);
        if (method.equals("GET") && path.equals("/app")) {
            respond(exchange, 200, "{\"id\":" + APP_ID + ",\"slug\":\"capstan\",\"name\":\"Capstan\"}");
        } else if (method.equals("GET") && path.equals("/orgs/" + ORG + "/installation")) {
            respond(exchange, 200, "{\"id\":" + INSTALLATION_ID + ",\"app_id\":" + APP_ID + ",\"account\":{\"login\":\"" + ORG
                    + "\",\"id\":" + ORG_ID + "},\"access_tokens_url\":\"" + url() + "/app/installations/" + INSTALLATION_ID + "/access_tokens\"}");
        } else if (method.equals("POST") && path.equals("/app/installations/" + INSTALLATION_ID + "/access_tokens")) {
            respond(exchange, 201, "{\"token\":\"" + TOKEN + "\",\"expires_at\":\"2099-01-01T00:00:00Z\",\"permissions\":{}}");
        } else if (method.equals("GET") && path.equals("/orgs/" + ORG)) {
            respond(exchange, 200, "{\"login\":\"" + ORG + "\",\"id\":" + ORG_ID + ",\"url\":\"" + url() + "/orgs/" + ORG + "\"}");
        } else if (method.equals("GET") && path.startsWith("/users/")) {
            String login = path.substring("/users/".length());
            Long id = users.get(login.toLowerCase());
            respond(exchange, id == null ? 404 : 200, id == null ? error("Not Found") : userJson(login, id));
        } else if (method.equals("GET") && path.startsWith("/orgs/" + ORG + "/memberships/")) {
            String role = orgRoles.get(path.substring(path.lastIndexOf('/') + 1).toLowerCase());
            respond(exchange, role == null ? 404 : 200, role == null ? error("Not Found") : "{\"state\":\"active\",\"role\":\"" + role + "\"}");
        } else if (method.equals("PUT") && path.startsWith("/orgs/" + ORG + "/memberships/")) {
            String login = path.substring(path.lastIndexOf('/') + 1);
            if (!users.containsKey(login.toLowerCase())) {
                respond(exchange, 404, error("Not Found"));
                return;
            }
            String role = JSON.readTree(body.isEmpty() ? "{}" : body).path("role").asText("member");
            orgRoles.put(login.toLowerCase(), role);
            respond(exchange, 200, "{\"state\":\"pending\",\"role\":\"" + role + "\"}");
        } else if (method.equals("GET") && path.equals("/orgs/" + ORG + "/teams")) {
            page(exchange, teams.values().stream().sorted(Comparator.comparingLong(FakeTeam::id)).map(this::teamJson).toList());
        } else if (method.equals("POST") && path.equals("/orgs/" + ORG + "/teams")) {
            createTeam(exchange, JSON.readTree(body));
        } else if (byId.matches()) {
            teamRequest(exchange, method, teams.get(Long.parseLong(byId.group(1))), byId.group(2), body);
        } else if (bySlug.matches()) {
            FakeTeam team = teams.values().stream().filter(t -> t.slug().equals(bySlug.group(1))).findFirst().orElse(null);
            teamRequest(exchange, method, team, bySlug.group(2), body);
        } else {
            respond(exchange, 404, error("Not Found (fake has no " + method + " " + path + ")"));
        }
    }

    private synchronized void createTeam(HttpExchange exchange, JsonNode request) throws IOException {
        String name = request.path("name").asText();
        if (teamNamed(name) != null) {
            respond(exchange, 422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Team\",\"code\":\"custom\","
                    + "\"field\":\"name\",\"message\":\"Name must be unique for this org\"}]}");
            return;
        }
        FakeTeam team = team(name);
        request.path("maintainers").forEach(m -> team.members().put(m.asText().toLowerCase(), "maintainer"));
        respond(exchange, 201, teamJson(team));
    }

    private void teamRequest(HttpExchange exchange, String method, FakeTeam team, String tail, String body) throws IOException {
        if (team == null) {
            respond(exchange, 404, error("Not Found"));
            return;
        }
        String rest = tail == null ? "" : tail;
        if (rest.isEmpty() && method.equals("GET")) {
            respond(exchange, 200, teamJson(team));
        } else if (rest.isEmpty() && method.equals("DELETE")) {
            teams.remove(team.id());
            respond(exchange, 204, "");
        } else if (rest.isEmpty() && method.equals("PATCH")) {
            String name = JSON.readTree(body).path("name").asText(team.name());
            FakeTeam renamed = new FakeTeam(team.id(), name, slug(name), team.members());
            teams.put(team.id(), renamed);
            respond(exchange, 200, teamJson(renamed));
        } else if (rest.equals("/members") && method.equals("GET")) {
            String role = query(exchange, "role", "all");
            page(exchange, team.members().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .filter(e -> role.equals("all") || e.getValue().equals(role))
                    .map(e -> userJson(e.getKey(), users.getOrDefault(e.getKey(), 0L))).toList());
        } else if (rest.startsWith("/memberships/") && method.equals("GET")) {
            String role = team.members().get(rest.substring("/memberships/".length()).toLowerCase());
            respond(exchange, role == null ? 404 : 200, role == null ? error("Not Found") : "{\"state\":\"active\",\"role\":\"" + role + "\"}");
        } else if (rest.startsWith("/repos/")) {
            teamRepository(exchange, method, team, rest.substring("/repos/".length()).toLowerCase(), body);
        } else if (rest.startsWith("/memberships/") && method.equals("PUT")) {
            String login = rest.substring("/memberships/".length()).toLowerCase();
            String role = JSON.readTree(body.isEmpty() ? "{}" : body).path("role").asText("member");
            team.members().put(login, role);
            respond(exchange, 200, "{\"state\":\"active\",\"role\":\"" + role + "\"}");
        } else if (rest.startsWith("/memberships/") && method.equals("DELETE")) {
            boolean was = team.members().remove(rest.substring("/memberships/".length()).toLowerCase()) != null;
            respond(exchange, was ? 204 : 404, was ? "" : error("Not Found"));
        } else {
            respond(exchange, 404, error("Not Found (fake has no " + method + " team" + rest + ")"));
        }
    }

    /**
     * GitHub's team repository permissions: GET answers 204 when the team has access and 404 when not, PUT gives the
     * permission in the body (or the team's default, pull), DELETE takes the repository away (204 either way).
     */
    private void teamRepository(HttpExchange exchange, String method, FakeTeam team, String repository, String body) throws IOException {
        Map<String, String> repositories = teamRepositories.computeIfAbsent(team.id(), id -> new ConcurrentHashMap<>());
        switch (method) {
            case "GET" -> respond(exchange, repositories.containsKey(repository) ? 204 : 404,
                    repositories.containsKey(repository) ? "" : error("Not Found"));
            case "PUT" -> {
                repositories.put(repository, JSON.readTree(body.isEmpty() ? "{}" : body).path("permission").asText("pull"));
                respond(exchange, 204, "");
            }
            case "DELETE" -> {
                repositories.remove(repository);
                respond(exchange, 204, "");
            }
            default -> respond(exchange, 404, error("Not Found"));
        }
    }

    /** The repositories ("owner/name", lower-cased) the named team has access to, with the permission given. */
    public Map<String, String> teamRepositories(String teamName) {
        FakeTeam team = teamNamed(teamName);
        return team == null ? Map.of() : Map.copyOf(teamRepositories.getOrDefault(team.id(), Map.of()));
    }

    /** Gives a team access to a repository, as someone did on GitHub. */
    public void grant(String teamName, String repository, String permission) {
        teamRepositories.computeIfAbsent(teamNamed(teamName).id(), id -> new ConcurrentHashMap<>()).put(repository.toLowerCase(), permission);
    }

    /** Answers one page of a list, with GitHub's Link header pointing to the next page while there is one. */
    private void page(HttpExchange exchange, List<String> items) throws IOException {
        int size = Math.min(pageLimit, Integer.parseInt(query(exchange, "per_page", "30")));
        int page = Integer.parseInt(query(exchange, "page", "1"));
        List<String> slice = items.subList(Math.min(items.size(), (page - 1) * size), Math.min(items.size(), page * size));
        if (page * size < items.size()) {
            String next = url() + exchange.getRequestURI().getPath() + "?" + (exchange.getRequestURI().getQuery() == null ? ""
                    : exchange.getRequestURI().getQuery().replaceAll("&?page=\\d+", "") + "&") + "page=" + (page + 1);
            exchange.getResponseHeaders().add("Link", "<" + next + ">; rel=\"next\"");
        }
        respond(exchange, 200, "[" + String.join(",", slice) + "]");
    }

    /** Lists answer at most {@code size} items a page, whatever the client asks, so paging shows with few items. */
    public void pageLimit(int size) {
        pageLimit = size;
    }

    private String teamJson(FakeTeam team) {
        ObjectNode node = JSON.createObjectNode().put("id", team.id()).put("name", team.name()).put("slug", team.slug())
                .put("privacy", "closed").put("url", url() + "/organizations/" + ORG_ID + "/team/" + team.id());
        node.putObject("organization").put("login", ORG).put("id", ORG_ID);
        return node.toString();
    }

    private String userJson(String login, long id) {
        return "{\"login\":\"" + login + "\",\"id\":" + id + ",\"type\":\"User\",\"url\":\"" + url() + "/users/" + login + "\"}";
    }

    private static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9_]+", "-").replaceAll("^-+|-+$", "");
    }

    /** Answers like FakeHttp, after running a hook waiting for this call. */
    private void respond(HttpExchange exchange, int status, String body) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        for (Hook hook : hooks) {
            if (hook.method().equals(method) && path.contains(hook.pathPart()) && hooks.remove(hook)) hook.action().run();
        }
        FakeHttp.respond(exchange, status, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
