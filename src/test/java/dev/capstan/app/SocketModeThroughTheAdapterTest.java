package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SocketModeThroughTheAdapterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.on(TestDatabases.Kind.H2).admins("UADMIN001").start();
    }

    @AfterAll
    static void stop() {
        app.closeAll();
    }

    @Test
    void aSlashCommandOverSocketModeRunsWithoutASignatureAndTheReplyIsInTheAck() throws Exception {
        String envelope = """
                {"envelope_id":"e-1","type":"slash_commands","accepts_response_payload":true,
                 "payload":{"token":"unused","team_id":"T0TEST","team_domain":"t","channel_id":"CGENERAL",
                 "channel_name":"general","user_id":"UADMIN001","user_name":"ada","command":"/capstan","text":"whoami",
                 "api_app_id":"A0TEST","is_enterprise_install":"false","response_url":"%s","trigger_id":"1.2.3"}}"""
                .formatted(app.slack().newResponseUrl());
        JsonNode ack = JSON.readTree(app.capstan().socketModeEnvelopes().handle(envelope));
        assertThat(ack.path("envelope_id").asText()).isEqualTo("e-1");
        assertThat(ack.path("payload").path("text").asText()).contains("role *admin*");
    }

    @Test
    void anEventOverSocketModeIsAckedAndRecordedByItsEventId() throws Exception {
        String envelope = """
                {"envelope_id":"e-2","type":"events_api","accepts_response_payload":false,
                 "payload":{"token":"unused","team_id":"T0TEST","api_app_id":"A0TEST","type":"event_callback",
                 "event_id":"EvSocket1","event_time":1700000000,"event":{"type":"team_join","user":{"id":"UNEW00001"}}}}""";
        JsonNode ack = JSON.readTree(app.capstan().socketModeEnvelopes().handle(envelope));
        assertThat(ack.path("envelope_id").asText()).isEqualTo("e-2");
        int recorded = app.capstan().database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from inbound_deliveries where delivery_id = 'EvSocket1'").mapTo(Integer.class).one());
        assertThat(recorded).isEqualTo(1);
    }
}
