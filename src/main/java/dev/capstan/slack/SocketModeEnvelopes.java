package dev.capstan.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.http.HttpExchange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Socket Mode's envelopes (api.slack.com/apis/socket-mode): the payload of each goes down the same path as an HTTP
 * request, and the answer goes back as the ack, {@code {"envelope_id", "payload"}}.
 */
public final class SocketModeEnvelopes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REQUESTS = Set.of("slash_commands", "interactive", "events_api");

    private final Function<HttpExchange.Request, HttpExchange.Response> handler;

    /** {@code handler} is {@link SlackAdapter#handleTrusted}: the WebSocket itself is authenticated, so nothing is signed. */
    public SocketModeEnvelopes(Function<HttpExchange.Request, HttpExchange.Response> handler) {
        this.handler = handler;
    }

    /** Handles one WebSocket message; returns the ack to send, or null for messages that need none (hello, disconnect). */
    public String handle(String message) throws Exception {
        JsonNode envelope = JSON.readTree(message);
        String type = envelope.path("type").asText("");
        String envelopeId = envelope.path("envelope_id").asText(null);
        if (!REQUESTS.contains(type) || envelopeId == null) return null;
        HttpExchange.Response response = handler.apply(new HttpExchange.Request("/socket-mode/" + type,
                Map.of("Content-Type", List.of("application/json")), envelope.path("payload").toString(), "socket-mode"));
        ObjectNode ack = JSON.createObjectNode().put("envelope_id", envelopeId);
        String body = response.body() == null ? "" : response.body().trim();
        if (body.startsWith("{")) ack.set("payload", JSON.readTree(body));
        else if (!body.isEmpty()) ack.putObject("payload").put("text", body);
        return JSON.writeValueAsString(ack);
    }
}
