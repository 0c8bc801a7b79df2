package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.slack.Interactions;
import dev.capstan.command.Reply;
import dev.capstan.platform.Feature;
import dev.capstan.platform.FeatureContext;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SocketModeThroughTheAdapterTest {
    /** A family with one button and one modal, the way a real family answers them. */
    static final class ButtonAndForm implements Feature {
        @Override
        public String name() {
            return "buttons";
        }

        @Override
        public void register(FeatureContext context) {
            context.onClick("socket.vote", click -> Reply.text("<@" + click.userId() + "> voted " + click.value() + ".").replacingOriginal());
            context.onSubmit("socket.form", submission -> {
                String summary = submission.values().getOrDefault("summary", "");
                return summary.length() < 5 ? Interactions.SubmitAnswer.errors(Map.of("summary", "At least 5 characters, please."))
                        : Interactions.SubmitAnswer.close();
            });
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.on(TestDatabases.Kind.H2).admins("UADMIN001").feature(new ButtonAndForm()).start();
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

    private static JsonNode send(String envelope) throws Exception {
        return JSON.readTree(app.capstan().socketModeEnvelopes().handle(envelope));
    }

    private static String submission(String envelopeId, String summary) {
        return """
                {"envelope_id":"%s","type":"interactive","accepts_response_payload":true,
                 "payload":{"type":"view_submission","token":"unused","api_app_id":"A0TEST","trigger_id":"1.2.3",
                 "team":{"id":"T0TEST","domain":"t"},"user":{"id":"UMEMBER01","username":"mia","team_id":"T0TEST"},
                 "view":{"id":"V0SOCKET1","team_id":"T0TEST","type":"modal","callback_id":"socket.form","private_metadata":"",
                  "state":{"values":{"summary":{"summary":{"type":"plain_text_input","value":"%s"}}}}},
                 "response_urls":[]}}""".formatted(envelopeId, summary);
    }

    @Test
    void aButtonClickOverSocketModeIsAckedAtOnceAndAnsweredThroughItsResponseUrl() throws Exception {
        String responseUrl = app.slack().newResponseUrl();
        JsonNode ack = send("""
                {"envelope_id":"e-3","type":"interactive","accepts_response_payload":false,
                 "payload":{"type":"block_actions","token":"unused","api_app_id":"A0TEST","trigger_id":"1.2.3",
                 "team":{"id":"T0TEST","domain":"t"},"user":{"id":"ULEAD0001","username":"leo","team_id":"T0TEST"},
                 "channel":{"id":"CDEV","name":"dev"},"container":{"type":"message","message_ts":"1.1","channel_id":"CDEV"},
                 "message":{"ts":"1.1","text":"lunch?"},"response_url":"%s",
                 "actions":[{"type":"button","action_id":"socket.vote","block_id":"b","value":"yes","action_ts":"1.2"}]}}"""
                .formatted(responseUrl));
        assertThat(ack.path("envelope_id").asText()).isEqualTo("e-3");
        assertThat(ack.has("payload")).isFalse();
        assertThat(app.slack().awaitPosts(responseUrl, 1)).singleElement()
                .satisfies(post -> assertThat(post.text()).isEqualTo("<@ULEAD0001> voted yes."));
    }

    @Test
    void aViewSubmissionWithErrorsIsAnsweredInTheAckWithTheResponseActionPayload() throws Exception {
        JsonNode ack = send(submission("e-4", "meh"));
        assertThat(ack.path("envelope_id").asText()).isEqualTo("e-4");
        assertThat(ack.path("payload").path("response_action").asText()).isEqualTo("errors");
        assertThat(ack.path("payload").path("errors").path("summary").asText()).isEqualTo("At least 5 characters, please.");
    }

    @Test
    void aValidViewSubmissionIsAckedWithoutPayloadSoSlackClosesTheModal() throws Exception {
        JsonNode ack = send(submission("e-5", "Ship it on Friday"));
        assertThat(ack.path("envelope_id").asText()).isEqualTo("e-5");
        assertThat(ack.has("payload")).isFalse();
    }
}
