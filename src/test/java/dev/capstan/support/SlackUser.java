package dev.capstan.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.security.Hmac;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A person in Slack: sends signed slash commands and clicks as that user, in a channel, to the running app. */
public final class SlackUser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TestApp app;
    private final String userId;
    private static final java.util.concurrent.atomic.AtomicLong TRIGGERS = new java.util.concurrent.atomic.AtomicLong(1000);
    private final String channelId;
    private final java.util.function.Supplier<String> triggers;

    SlackUser(TestApp app, String userId, String channelId) {
        this(app, userId, channelId, () -> "1337.42.abcdef");
    }

    private SlackUser(TestApp app, String userId, String channelId, java.util.function.Supplier<String> triggers) {
        this.app = app;
        this.userId = userId;
        this.channelId = channelId;
        this.triggers = triggers;
    }

    public SlackUser in(String channel) {
        return new SlackUser(app, userId, channel, triggers);
    }

    /** Each slash command gets its own trigger_id, as in Slack (the default sends one fixed id). */
    public SlackUser freshTriggers() {
        return new SlackUser(app, userId, channelId, () -> "1337." + TRIGGERS.incrementAndGet() + ".abcdef");
    }

    /** Sends this trigger_id with every slash command: what Slack does when it delivers the same request again. */
    public SlackUser trigger(String triggerId) {
        return new SlackUser(app, userId, channelId, () -> triggerId);
    }

    public String id() {
        return userId;
    }

    /** Types a slash command, e.g. {@code run("/capstan whoami")}. */
    public SlashReply run(String line) {
        String command = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line;
        String text = line.contains(" ") ? line.substring(line.indexOf(' ') + 1) : "";
        String responseUrl = app.slack().newResponseUrl();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-unused");
        form.put("team_id", "T0TEST");
        form.put("team_domain", "capstan-test");
        form.put("channel_id", channelId);
        form.put("channel_name", channelId.toLowerCase());
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase());
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", "A0TEST");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggers.get());
        return post("/slack/commands", formEncode(form), "application/x-www-form-urlencoded", responseUrl);
    }

    /** Clicks a button of a message that came with {@code messageResponseUrl}; Slack gives each click a fresh response_url. */
    public SlashReply click(SlashReply.Button button) {
        String responseUrl = app.slack().newResponseUrl();
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("user").put("id", userId).put("username", userId.toLowerCase()).put("team_id", "T0TEST");
        payload.put("api_app_id", "A0TEST");
        payload.put("token", "legacy-unused");
        payload.putObject("team").put("id", "T0TEST").put("domain", "capstan-test");
        payload.putObject("channel").put("id", channelId).put("name", channelId.toLowerCase());
        payload.putObject("container").put("type", "message").put("channel_id", channelId).put("is_ephemeral", true);
        payload.put("trigger_id", "1337.43.abcdef");
        payload.put("response_url", responseUrl);
        ArrayNode actions = payload.putArray("actions");
        ObjectNode action = actions.addObject();
        action.put("action_id", button.actionId());
        action.put("block_id", "b1");
        action.putObject("text").put("type", "plain_text").put("text", button.text());
        action.put("value", button.value());
        action.put("type", "button");
        action.put("action_ts", "1700000000.000100");
        String body = formEncode(Map.of("payload", payload.toString()));
        return post("/slack/interactive", body, "application/x-www-form-urlencoded", responseUrl);
    }

    /** Submits a modal the app opened (a signed view_submission); the ack may carry response_action errors. */
    public SlashReply submit(String callbackId, String privateMetadata, ModalInputs inputs) {
        return submit(callbackId, privateMetadata, inputs, "V0MODAL01");
    }

    /** Submits the modal with this view id (Slack keeps a modal's id, and its hash while nothing changes it). */
    public SlashReply submit(String callbackId, String privateMetadata, ModalInputs inputs, String viewId) {
        return submit(callbackId, privateMetadata, inputs, viewId, "1700000000.abc");
    }

    /** Submits the modal with this view id as it is now, by its hash (what FakeSlack shows: {@code FakeSlack.modal}). */
    public SlashReply submit(String callbackId, String privateMetadata, ModalInputs inputs, String viewId, String hash) {
        return submitWith(callbackId, privateMetadata, inputs, viewId, hash, null);
    }

    /**
     * Submits a modal whose conversations select {@code blockId} has {@code response_url_enabled}: Slack adds the chosen
     * channel's response_url to the payload ({@code response_urls}); the reply posted there is recorded by FakeSlack.
     */
    public SlashReply submitPostingIn(String callbackId, String privateMetadata, ModalInputs inputs, String blockId, String channel) {
        String responseUrl = app.slack().newResponseUrl();
        SlashReply ack = submitWith(callbackId, privateMetadata, inputs.conversation(blockId, channel), "V0MODAL01", "1700000000.abc",
                JSON.createObjectNode().put("block_id", blockId).put("action_id", blockId).put("channel_id", channel)
                        .put("response_url", responseUrl));
        return new SlashReply(ack.status(), ack.body(), responseUrl);
    }

    private SlashReply submitWith(String callbackId, String privateMetadata, ModalInputs inputs, String viewId, String hash,
                                  ObjectNode responseUrl) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "view_submission");
        payload.putObject("team").put("id", "T0TEST").put("domain", "capstan-test");
        payload.putObject("user").put("id", userId).put("username", userId.toLowerCase()).put("team_id", "T0TEST");
        payload.put("api_app_id", "A0TEST");
        payload.put("token", "legacy-unused");
        payload.put("trigger_id", "1337.44.abcdef");
        ObjectNode view = payload.putObject("view");
        view.put("id", viewId).put("team_id", "T0TEST").put("type", "modal").put("callback_id", callbackId)
                .put("private_metadata", privateMetadata == null ? "" : privateMetadata).put("hash", hash);
        view.putObject("state").set("values", inputs.stateValues());
        ArrayNode responseUrls = payload.putArray("response_urls");
        if (responseUrl != null) responseUrls.add(responseUrl);
        String body = formEncode(Map.of("payload", payload.toString()));
        return post("/slack/interactive", body, "application/x-www-form-urlencoded", null);
    }

    /** Opens the app's Home tab in Slack (the app_home_opened event), which publishes their Home. */
    public SlashReply opensHome() {
        ObjectNode event = JSON.createObjectNode().put("type", "app_home_opened").put("user", userId)
                .put("channel", "D" + userId).put("tab", "home");
        return event(app, "EvHome" + java.util.UUID.randomUUID().toString().replace("-", ""), event, Map.of());
    }

    /** Sends an Events API envelope around {@code event}. */
    public static SlashReply event(TestApp app, String eventId, ObjectNode event, Map<String, String> extraHeaders) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("token", "legacy-unused");
        envelope.put("team_id", "T0TEST");
        envelope.put("api_app_id", "A0TEST");
        envelope.set("event", event);
        envelope.put("type", "event_callback");
        envelope.put("event_id", eventId);
        envelope.put("event_time", Instant.now().getEpochSecond());
        return app.signedPost("/slack/events", envelope.toString(), "application/json", extraHeaders, null);
    }

    private SlashReply post(String path, String body, String contentType, String responseUrl) {
        return app.signedPost(path, body, contentType, Map.of(), responseUrl);
    }

    static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static SlashReply send(String url, String body, String contentType, Map<String, String> headers, String responseUrl) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new SlashReply(response.statusCode(), response.body(), responseUrl);
        } catch (Exception e) {
            throw new AssertionError("Request to " + url + " failed", e);
        }
    }

    /** Slack's v0 signature of {@code body} sent at {@code timestamp}. */
    public static String sign(String secret, long timestamp, String body) {
        return "v0=" + Hmac.sha256Hex(secret, "v0:" + timestamp + ":" + body);
    }
}
