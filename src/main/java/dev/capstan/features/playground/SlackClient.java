package dev.capstan.features.playground;

import static dev.capstan.features.playground.Workspace.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.http.HttpExchange;
import dev.capstan.security.Hmac;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What Slack does between a person and Capstan: turns what they type and click into signed requests to Capstan's
 * real endpoints, shows the acks where Slack would, and serves the response_url hooks.
 */
final class SlackClient {
    static final String TEAM_ID = "TPLAYGRND";
    private static final int RESPONSE_URL_USES = 5;

    /** A response_url: whose request it answers, where, and the message that replace_original acts on. */
    private record Hook(String userId, String channel, String sourceTs, AtomicInteger uses) { }

    private final Workspace workspace;
    private final String baseUrl;
    private final String signingSecret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Hook> hooks = new ConcurrentHashMap<>();

    SlackClient(Workspace workspace, String baseUrl, String signingSecret, Clock clock) {
        this.workspace = workspace;
        this.baseUrl = baseUrl;
        this.signingSecret = signingSecret;
        this.clock = clock;
    }

    /** Types a slash command line, e.g. {@code /capstan whoami}, as {@code userId} in {@code channel}. */
    void command(String userId, String channel, String line) throws Exception {
        String trimmed = line.trim();
        String command = trimmed.contains(" ") ? trimmed.substring(0, trimmed.indexOf(' ')) : trimmed;
        String text = trimmed.contains(" ") ? trimmed.substring(trimmed.indexOf(' ') + 1) : "";
        workspace.post(channel, userId, userId, trimmed, null);
        String hookId = UUID.randomUUID().toString();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("team_id", TEAM_ID);
        form.put("team_domain", "playground");
        form.put("channel_id", channel);
        form.put("channel_name", channelName(channel));
        form.put("user_id", userId);
        form.put("user_name", workspace.person(userId).map(Workspace.Person::name).orElse(userId));
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", "APLAYGRND");
        form.put("is_enterprise_install", "false");
        form.put("response_url", baseUrl + "/playground/hooks/" + hookId);
        form.put("trigger_id", workspace.newTrigger(userId));
        hooks.put(hookId, new Hook(userId, channel, null, new AtomicInteger()));
        HttpResponse<String> ack = post("/slack/commands", formEncode(form));
        String sourceTs = showAck(userId, channel, ack);
        if (sourceTs != null) hooks.computeIfPresent(hookId, (id, hook) -> new Hook(userId, channel, sourceTs, hook.uses()));
    }

    /** Slack's Events API delivery of {@code member_joined_channel}: {@code userId} joined {@code channel}. */
    void memberJoined(String userId, String channel) throws Exception {
        ObjectNode envelope = JSON.createObjectNode().put("token", "unused").put("team_id", TEAM_ID).put("api_app_id", "APLAYGRND")
                .put("type", "event_callback").put("event_id", "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase())
                .put("event_time", clock.instant().getEpochSecond());
        envelope.putObject("event").put("type", "member_joined_channel").put("user", userId).put("channel", channel)
                .put("channel_type", "C").put("team", TEAM_ID).put("event_ts", clock.millis() / 1000 + ".000200");
        post("/slack/events", envelope.toString(), "application/json");
    }

    /** Opens the person's Home tab in the app (the app_home_opened event). */
    void homeOpened(String userId) throws Exception {
        ObjectNode envelope = JSON.createObjectNode().put("token", "unused").put("team_id", TEAM_ID).put("api_app_id", "APLAYGRND")
                .put("type", "event_callback").put("event_id", "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase())
                .put("event_time", clock.instant().getEpochSecond());
        envelope.putObject("event").put("type", "app_home_opened").put("user", userId).put("channel", Workspace.channelFor(userId))
                .put("tab", "home").put("event_ts", clock.millis() / 1000 + ".000300");
        post("/slack/events", envelope.toString(), "application/json");
    }

    /** Clicks a button or picks an option, in a message ({@code messageTs}) or in a modal ({@code viewId}). */
    void click(String userId, String channel, String messageTs, String viewId, JsonNode action) throws Exception {
        ObjectNode payload = envelope("block_actions", userId);
        payload.put("trigger_id", workspace.newTrigger(userId));
        if (viewId != null) {
            payload.putObject("container").put("type", "view").put("view_id", viewId);
            workspace.home(userId).filter(home -> viewId.equals(home.path("id").asText()))
                    .or(() -> workspace.topModal(userId).map(Workspace.Modal::view)).ifPresent(view -> payload.set("view", view));
        } else {
            Workspace.Message message = workspace.visible(userId, channel).stream()
                    .filter(m -> m.ts().equals(messageTs)).findFirst().orElseThrow();
            payload.putObject("container").put("type", "message").put("message_ts", messageTs)
                    .put("channel_id", message.channel()).put("is_ephemeral", message.visibleTo() != null);
            payload.putObject("channel").put("id", message.channel()).put("name", channelName(message.channel()));
            ObjectNode shown = payload.putObject("message").put("ts", messageTs).put("text", message.text());
            if (message.blocks() != null) shown.set("blocks", message.blocks());
            String hookId = UUID.randomUUID().toString();
            hooks.put(hookId, new Hook(userId, message.channel(), messageTs, new AtomicInteger()));
            payload.put("response_url", baseUrl + "/playground/hooks/" + hookId);
        }
        ObjectNode clicked = action.deepCopy();
        clicked.put("action_ts", clock.millis() / 1000 + ".000001");
        payload.putArray("actions").add(clicked);
        post("/slack/interactive", formEncode(Map.of("payload", payload.toString())));
    }

    /**
     * Submits the open modal {@code viewId} with its inputs' values (block id → action id → value); a conversations select
     * with {@code response_url_enabled} gets a response_url for the chosen channel, as in Slack.
     */
    void submit(String userId, String viewId, JsonNode values) throws Exception {
        Workspace.Modal modal = workspace.topModal(userId).filter(m -> m.id().equals(viewId)).orElseThrow();
        ObjectNode payload = envelope("view_submission", userId);
        payload.put("trigger_id", workspace.newTrigger(userId));
        ObjectNode view = modal.view().deepCopy();
        view.put("team_id", TEAM_ID);
        view.putObject("state").set("values", values);
        payload.set("view", view);
        ArrayNode responseUrls = payload.putArray("response_urls");
        for (JsonNode block : view.path("blocks")) {
            JsonNode element = block.path("element");
            if (!element.path("response_url_enabled").asBoolean(false)) continue;
            String blockId = block.path("block_id").asText();
            String actionId = element.path("action_id").asText();
            String chosen = values.path(blockId).path(actionId).path("selected_conversation").asText("");
            if (chosen.isEmpty()) continue;
            String hookId = UUID.randomUUID().toString();
            hooks.put(hookId, new Hook(userId, chosen, null, new AtomicInteger()));
            responseUrls.addObject().put("block_id", blockId).put("action_id", actionId).put("channel_id", chosen)
                    .put("response_url", baseUrl + "/playground/hooks/" + hookId);
        }
        HttpResponse<String> ack = post("/slack/interactive", formEncode(Map.of("payload", payload.toString())));
        String body = ack.body() == null ? "" : ack.body().trim();
        JsonNode answer = body.startsWith("{") ? JSON.readTree(body) : JSON.createObjectNode();
        switch (answer.path("response_action").asText("")) {
            case "errors" -> {
                Map<String, String> errors = new LinkedHashMap<>();
                answer.path("errors").fields().forEachRemaining(e -> errors.put(e.getKey(), e.getValue().asText()));
                workspace.showErrors(userId, viewId, errors);
            }
            case "update" -> workspace.updateModal(viewId, null, null, (ObjectNode) answer.path("view"));
            case "push" -> workspace.openModal(userId, (ObjectNode) answer.path("view"), true);
            case "clear" -> workspace.closeModal(userId, true);
            default -> workspace.closeModal(userId, false);
        }
    }

    /** Serves {@code POST /playground/hooks/{id}}: a response_url, good for 5 posts, like Slack's. */
    HttpExchange.Response hook(HttpExchange.Request request) throws Exception {
        String id = request.path().substring(request.path().lastIndexOf('/') + 1);
        Hook hook = hooks.get(id);
        if (hook == null) return new HttpExchange.Response(404, "text/plain", "no_such_url");
        if (hook.uses().incrementAndGet() > RESPONSE_URL_USES) return new HttpExchange.Response(404, "text/plain", "used_url");
        workspace.record("response_url", JSON.readTree(request.body()));
        JsonNode body = JSON.readTree(request.body());
        if (body.path("delete_original").asBoolean(false)) {
            if (hook.sourceTs() != null) workspace.delete(hook.channel(), hook.sourceTs());
        } else if (body.path("replace_original").asBoolean(false) && hook.sourceTs() != null
                && workspace.update(hook.channel(), hook.sourceTs(), body.path("text").asText(""), body.get("blocks")).isPresent()) {
            return HttpExchange.Response.empty();
        } else {
            boolean inChannel = body.path("response_type").asText("ephemeral").equals("in_channel");
            workspace.post(hook.channel(), Workspace.BOT_ID, inChannel ? null : hook.userId(), body.path("text").asText(""),
                    body.get("blocks"));
        }
        return new HttpExchange.Response(200, "text/plain", "ok");
    }

    /** Shows a slash command's ack as Slack would, returning the shown message's ts (or null if nothing was shown). */
    private String showAck(String userId, String channel, HttpResponse<String> ack) throws Exception {
        String body = ack.body() == null ? "" : ack.body().trim();
        if (ack.statusCode() != 200) {
            return workspace.post(channel, "USLACKBOT", userId, "Capstan answered HTTP " + ack.statusCode() + ": " + body, null).ts();
        }
        if (body.isEmpty()) return null;
        if (!body.startsWith("{")) return workspace.post(channel, Workspace.BOT_ID, userId, body, null).ts();
        JsonNode reply = JSON.readTree(body);
        boolean inChannel = reply.path("response_type").asText("ephemeral").equals("in_channel");
        return workspace.post(channel, Workspace.BOT_ID, inChannel ? null : userId, reply.path("text").asText(""),
                reply.get("blocks")).ts();
    }

    private ObjectNode envelope(String type, String userId) {
        ObjectNode payload = JSON.createObjectNode().put("type", type).put("api_app_id", "APLAYGRND").put("token", "unused");
        String name = workspace.person(userId).map(Workspace.Person::name).orElse(userId);
        payload.putObject("user").put("id", userId).put("username", name).put("name", name).put("team_id", TEAM_ID);
        payload.putObject("team").put("id", TEAM_ID).put("domain", "playground");
        return payload;
    }

    private String channelName(String channel) {
        if (channel.startsWith("D")) return "directmessage";
        return workspace.channels().stream().filter(c -> c.id().equals(channel)).map(Workspace.Channel::name)
                .findFirst().orElse(channel.toLowerCase());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, "application/x-www-form-urlencoded");
    }

    private HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", "v0=" + Hmac.sha256Hex(signingSecret, "v0:" + timestamp + ":" + body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
