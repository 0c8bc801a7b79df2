package dev.capstan.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.http.HttpExchange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocketModeEnvelopesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<HttpExchange.Request> handled = new ArrayList<>();

    private SocketModeEnvelopes answering(HttpExchange.Response response) {
        return new SocketModeEnvelopes(request -> {
            handled.add(request);
            return response;
        });
    }

    @Test
    void aSlashCommandsPayloadGoesToTheAdapterAndItsReplyComesBackInTheAck() throws Exception {
        String message = """
                {"envelope_id":"env-1","type":"slash_commands","accepts_response_payload":true,
                 "payload":{"command":"/capstan","text":"whoami","user_id":"UALICE01"}}""";
        String ack = answering(HttpExchange.Response.json("{\"response_type\":\"ephemeral\",\"text\":\"You are Alice\"}"))
                .handle(message);
        assertThat(JSON.readTree(handled.get(0).body()).path("command").asText()).isEqualTo("/capstan");
        JsonNode answer = JSON.readTree(ack);
        assertThat(answer.path("envelope_id").asText()).isEqualTo("env-1");
        assertThat(answer.path("payload").path("text").asText()).isEqualTo("You are Alice");
    }

    @Test
    void anEventIsAckedWithItsEnvelopeIdAndNoPayload() throws Exception {
        String message = """
                {"envelope_id":"env-2","type":"events_api","retry_attempt":0,
                 "payload":{"type":"event_callback","event_id":"Ev1","event":{"type":"team_join"}}}""";
        JsonNode answer = JSON.readTree(answering(HttpExchange.Response.empty()).handle(message));
        assertThat(answer.path("envelope_id").asText()).isEqualTo("env-2");
        assertThat(answer.has("payload")).isFalse();
        assertThat(JSON.readTree(handled.get(0).body()).path("event_id").asText()).isEqualTo("Ev1");
    }

    @Test
    void helloAndDisconnectMessagesNeedNoAckAndReachNothing() throws Exception {
        SocketModeEnvelopes envelopes = answering(HttpExchange.Response.empty());
        assertThat(envelopes.handle("{\"type\":\"hello\",\"num_connections\":1}")).isNull();
        assertThat(envelopes.handle("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\"}")).isNull();
        assertThat(handled).isEmpty();
    }
}
