package dev.capstan.features.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.support.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Someone using the playground page, through the same JSON endpoints the page's script calls. */
final class PlaygroundVisitor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String userId;
    private final String channel;

    PlaygroundVisitor(String baseUrl, String userId, String channel) {
        this.baseUrl = baseUrl.replaceAll("/$", "");
        this.userId = userId;
        this.channel = channel;
    }

    void type(String line) {
        post("/playground/command", JSON.createObjectNode().put("user", userId).put("channel", channel).put("text", line));
    }

    /** Opens the channel, as clicking it on the page does: the first time, Slack tells Capstan the person joined. */
    void join() {
        post("/playground/join", JSON.createObjectNode().put("user", userId).put("channel", channel));
    }

    void click(JsonNode message, String buttonText) {
        for (JsonNode block : message.path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("text").path("text").asText().equals(buttonText)) {
                    ObjectNode action = JSON.createObjectNode().put("type", "button").put("action_id", element.path("action_id").asText())
                            .put("block_id", block.path("block_id").asText("b")).put("value", element.path("value").asText());
                    ObjectNode body = JSON.createObjectNode().put("user", userId).put("channel", channel)
                            .put("ts", message.path("ts").asText());
                    body.set("action", action);
                    post("/playground/click", body);
                    return;
                }
            }
        }
        throw new AssertionError("No button '" + buttonText + "' in " + message);
    }

    /** Clicks a button on their Home tab (the page sends the Home view's id, as Slack's container). */
    void clickOnHome(String actionId, String value) {
        ObjectNode action = JSON.createObjectNode().put("type", "button").put("action_id", actionId).put("block_id", "b")
                .put("value", value);
        ObjectNode body = JSON.createObjectNode().put("user", userId).put("channel", channel)
                .put("view_id", state().path("home").path("id").asText());
        body.set("action", action);
        post("/playground/click", body);
    }

    void submitModal(String blockId, String value) {
        String viewId = state().path("modal").path("view").path("id").asText();
        ObjectNode body = JSON.createObjectNode().put("user", userId).put("view_id", viewId);
        body.putObject("values").putObject(blockId).putObject(blockId).put("type", "plain_text_input").put("value", value);
        post("/playground/submit", body);
    }

    /** Submits the open modal with these values (block id → action id → input, as Slack's view.state.values). */
    void submitModal(ObjectNode values) {
        String viewId = state().path("modal").path("view").path("id").asText();
        ObjectNode body = JSON.createObjectNode().put("user", userId).put("view_id", viewId);
        body.set("values", values);
        post("/playground/submit", body);
    }

    /** Opens the Home tab, as clicking it in the page does. */
    void openHome() {
        post("/playground/home", JSON.createObjectNode().put("user", userId));
    }

    void closeModal() {
        post("/playground/close", JSON.createObjectNode().put("user", userId));
    }

    JsonNode state() {
        return get("/playground/state?user=" + userId + "&channel=" + channel);
    }

    /**
     * Waits until the state satisfies {@code condition}, since DMs and late replies arrive through jobs (on a loaded
     * machine, with other test classes beside it, a pretend ECS run's result took over 10 s).
     */
    JsonNode awaitState(String what, Predicate<JsonNode> condition) {
        return Await.until(this::state, condition, Duration.ofSeconds(30), what);
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    private void post(String path, JsonNode body) {
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        if (!answer.path("ok").asBoolean()) throw new AssertionError(path + " answered " + answer);
    }

    private static JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new AssertionError(request.uri() + " answered " + response.statusCode());
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("Request to " + request.uri() + " failed", e);
        }
    }
}
