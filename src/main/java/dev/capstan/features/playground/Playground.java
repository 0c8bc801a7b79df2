package dev.capstan.features.playground;

import static dev.capstan.features.playground.LocalPageGuard.Caller.PAGE;
import static dev.capstan.features.playground.LocalPageGuard.Caller.READ;
import static dev.capstan.features.playground.LocalPageGuard.Caller.SERVER;
import static dev.capstan.features.playground.Workspace.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.command.Role;
import dev.capstan.platform.Feature;
import dev.capstan.platform.Declarations;
import dev.capstan.platform.FeatureContext;
import dev.capstan.http.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A Slack look-alike served by Capstan itself, for trying commands without a workspace: the page, its state, the
 * in-process Web API and response_url hooks. Only ever switched on for a server bound to localhost.
 */
public final class Playground implements Feature {
    private static final Map<String, String> ASSETS = Map.of(
            "/", "index.html", "/playground/app.js", "app.js", "/playground/composer.js", "composer.js",
            "/playground/style.css", "style.css");
    private static final HttpExchange.Response OK = HttpExchange.Response.json("{\"ok\":true}");

    /** A cache-flush site on a pretend CDN: the whole /flush flow works offline, and nothing is purged anywhere. */
    private static final String FLUSH_SITE = """
            sites:
              playground:
                provider: fake
                hosts: [example.com]
                kinds: [url, tag, everything]
                audit_channel: COPS
            """;

    /** Declared commands ask the pretend ECS about a run every second rather than every five. */
    private static final String DECLARED_COMMANDS = """
            poll_every: 1s
            """;

    /** How long the pretend deployment service takes per state. */
    private static final long DEPLOY_STEP_MILLIS = 1500;

    private final String baseUrl;
    private final String signingSecret;
    private final String gitHubWebhookSecret;

    /** {@code baseUrl} is where this Capstan listens; requests are signed with {@code signingSecret} like Slack's. */
    public Playground(String baseUrl, String signingSecret) {
        this(baseUrl, signingSecret, null);
    }

    /** With a pretend GitHub at {@code /playground/github} too, whose webhooks are signed with {@code gitHubWebhookSecret}. */
    public Playground(String baseUrl, String signingSecret, String gitHubWebhookSecret) {
        this.baseUrl = baseUrl;
        this.signingSecret = signingSecret;
        this.gitHubWebhookSecret = gitHubWebhookSecret;
    }

    @Override
    public String name() {
        return "playground";
    }

    /** A cache-flush site on a pretend team's own flush service (provider http), served by the playground at this path. */
    private static final String FLUSH_SERVICE = "/playground/flush-service";

    /**
     * Settings (YAML) the playground at {@code baseUrl} gives families its configuration leaves out, by family name; the
     * launcher keeps only those of families this build has.
     */
    public static Map<String, String> familyDefaults(String baseUrl) {
        return Map.of("commands", DECLARED_COMMANDS, "flush", FLUSH_SITE + """
                  own-service:
                    provider: http
                    http: { url: "%s%s" }
                    hosts: [example.com]
                    kinds: [url, tag]
                    audit_channel: COPS
                """.formatted(baseUrl, FLUSH_SERVICE));
    }

    @Override
    public void register(FeatureContext context) {
        Workspace workspace = new Workspace(context.clock());
        SeededPeople people = new SeededPeople(workspace, context.people(), context.identities(), context::eventSubscribers, context.jdbi());
        people.enterWorkspace();
        context.onStart(() -> people.seed(gitHubWebhookSecret != null));
        FakeWebApi api = new FakeWebApi(workspace, baseUrl);
        SlackClient slack = new SlackClient(workspace, baseUrl, signingSecret, context.clock());
        LocalPageGuard guard = new LocalPageGuard(URI.create(baseUrl).getPort());
        ASSETS.forEach((path, file) -> context.route("GET", path, guard.guard(READ, request -> asset(file))));
        context.route("POST", "/playground/api/{method}", guard.guard(SERVER, api::handle));
        context.route("POST", "/playground/upload/{id}", guard.guard(SERVER, api::upload));
        context.route("POST", "/playground/hooks/{id}", guard.guard(SERVER, slack::hook));
        if (gitHubWebhookSecret != null) {
            PlaygroundGitHub github = new PlaygroundGitHub(baseUrl, gitHubWebhookSecret, DEPLOY_STEP_MILLIS);
            for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
                context.route(method, "/playground/github/<path>", guard.guard(SERVER, request -> github.handle(method, request)));
            }
        }
        context.route("GET", "/playground/state", guard.guard(READ, request -> state(workspace, context.clock(), query(request))));
        context.route("GET", "/playground/target/users/{login}", guard.guard(SERVER, Playground::pretendPerson));
        context.route("POST", FLUSH_SERVICE, guard.guard(SERVER, Playground::pretendFlushService));
        PlaygroundEcs ecs = new PlaygroundEcs();
        context.route("POST", PlaygroundEcs.PATH, guard.guard(SERVER, ecs::handle));
        context.route("POST", "/playground/command", guard.guard(PAGE, request -> {
            JsonNode body = JSON.readTree(request.body());
            slack.command(body.path("user").asText(), body.path("channel").asText(), body.path("text").asText());
            return OK;
        }));
        context.route("POST", "/playground/click", guard.guard(PAGE, request -> {
            JsonNode body = JSON.readTree(request.body());
            slack.click(body.path("user").asText(), body.path("channel").asText(), body.path("ts").asText(null),
                    body.path("view_id").asText(null), body.path("action"));
            return OK;
        }));
        context.route("POST", "/playground/join", guard.guard(PAGE, request -> {
            JsonNode body = JSON.readTree(request.body());
            String user = body.path("user").asText();
            String channel = body.path("channel").asText();
            if (workspace.person(user).isPresent() && workspace.join(user, channel)) slack.memberJoined(user, channel);
            return OK;
        }));
        context.route("POST", "/playground/home", guard.guard(PAGE, request -> {
            String user = JSON.readTree(request.body()).path("user").asText();
            if (workspace.person(user).isPresent()) slack.homeOpened(user);
            return OK;
        }));
        context.route("POST", "/playground/submit", guard.guard(PAGE, request -> {
            JsonNode body = JSON.readTree(request.body());
            slack.submit(body.path("user").asText(), body.path("view_id").asText(), body.path("values"));
            return OK;
        }));
        context.route("POST", "/playground/close", guard.guard(PAGE, request -> {
            workspace.closeModal(JSON.readTree(request.body()).path("user").asText(), false);
            return OK;
        }));
        context.route("POST", "/playground/people", guard.guard(PAGE, request -> {
            JsonNode body = JSON.readTree(request.body());
            Role role = Role.parse(body.path("role").asText("member")).orElse(Role.MEMBER);
            String id = "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
            people.add(id, body.path("name").asText("Someone"), role);
            return HttpExchange.Response.json(JSON.writeValueAsString(Map.of("id", id)));
        }));
    }

    /**
     * Everything the page shows to one person: people, channels, the channel, their DMs, their modal, the API calls;
     * messages and the modal come rendered as Slack would show them, dates in the viewer's {@code zone}.
     */
    private static HttpExchange.Response state(Workspace workspace, Clock clock, Map<String, String> query) throws IOException {
        String user = query.getOrDefault("user", "");
        String channel = query.getOrDefault("channel", "CGENERAL");
        BlockHtml html = new BlockHtml(new Mrkdwn(workspace.names(), new SlackDates(zone(query.get("zone")), clock.instant())),
                workspace.people(), workspace.channels());
        ObjectNode state = JSON.createObjectNode();
        ArrayNode people = state.putArray("people");
        workspace.people().forEach(p -> people.addObject().put("id", p.id()).put("name", p.name()).put("handle", p.handle())
                .put("role", p.role()));
        ArrayNode channels = state.putArray("channels");
        workspace.channels().forEach(c -> channels.addObject().put("id", c.id()).put("name", c.name()));
        state.set("messages", messages(workspace, html, user, channel));
        state.set("dms", messages(workspace, html, user, Workspace.channelFor(user)));
        workspace.topModal(user).ifPresent(modal -> {
            ObjectNode shown = state.putObject("modal");
            shown.set("view", modal.view());
            shown.set("errors", JSON.valueToTree(modal.errors()));
            shown.put("html", html.view(modal.view(), modal.errors()));
        });
        workspace.home(user).ifPresent(home -> {
            ObjectNode shown = state.putObject("home");
            shown.put("id", home.path("id").asText());
            shown.put("html", html.view(home, Map.of()));
        });
        state.set("calls", workspace.calls());
        return HttpExchange.Response.json(JSON.writeValueAsString(state));
    }

    /** The zone the page runs in (the browser's), as Slack shows dates in each viewer's own zone; the server's when unknown. */
    private static ZoneId zone(String name) {
        try {
            return name == null || name.isBlank() ? ZoneId.systemDefault() : ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneId.systemDefault();
        }
    }

    private static ArrayNode messages(Workspace workspace, BlockHtml html, String user, String channel) {
        ArrayNode list = JSON.createArrayNode();
        for (Workspace.Message m : workspace.visible(user, channel)) {
            boolean typed = m.visibleTo() != null && m.author().equals(user);
            ObjectNode shown = list.addObject().put("ts", m.ts()).put("channel", m.channel()).put("author", m.author())
                    .put("text", m.text()).put("ephemeral", m.visibleTo() != null).put("edited", m.edited()).put("typed", typed)
                    .put("html", typed ? html.typed(m.text()) : html.message(m.text(), m.blocks()));
            if (m.blocks() != null) shown.set("blocks", m.blocks());
        }
        return list;
    }

    private static HttpExchange.Response asset(String file) throws IOException {
        try (InputStream in = Playground.class.getResourceAsStream("/playground/" + file)) {
            if (in == null) return new HttpExchange.Response(404, "text/plain", "not found");
            String type = file.endsWith(".html") ? "text/html; charset=utf-8"
                    : file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            return new HttpExchange.Response(200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The local target the playground's declared commands call: a pretend staff directory. */
    private static HttpExchange.Response pretendPerson(HttpExchange.Request request) {
        String path = request.path().contains("?") ? request.path().substring(0, request.path().indexOf('?')) : request.path();
        String login = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        ObjectNode person = JSON.createObjectNode().put("login", login).put("name", "Pretend " + login).put("team", "playground");
        return HttpExchange.Response.json(person.toString());
    }

    /** A team's own flush service, pretended: every target succeeds but those containing "stale", which it lists as failed. */
    private static HttpExchange.Response pretendFlushService(HttpExchange.Request request) throws IOException {
        ObjectNode answer = JSON.createObjectNode().put("id", "pretend-" + UUID.randomUUID().toString().substring(0, 8))
                .put("estimated_seconds", 5);
        ArrayNode failed = JSON.createArrayNode();
        for (JsonNode target : JSON.readTree(request.body()).path("targets")) {
            if (target.asText().contains("stale")) failed.addObject().put("target", target.asText()).put("reason", "the pretend service keeps stale pages");
        }
        answer.put("status", failed.isEmpty() ? "succeeded" : "partial");
        if (!failed.isEmpty()) answer.set("failed", failed);
        return HttpExchange.Response.json(answer.toString());
    }

    private static Map<String, String> query(HttpExchange.Request request) {
        Map<String, String> query = new HashMap<>();
        int at = request.path().indexOf('?');
        if (at < 0) return query;
        for (String pair : request.path().substring(at + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
