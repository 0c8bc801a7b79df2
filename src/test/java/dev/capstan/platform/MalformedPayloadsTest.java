package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.LogCapture;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signed payloads of the wrong shape (fields missing, wrong JSON types) are acknowledged with 200 and log no ERROR.
 * Isolated: it reads the root logger, where tests running beside it log errors on purpose.
 */
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedPayloadsTest {
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.on(TestDatabases.Kind.H2).feature(new DemoFamily()).start();
    }

    @AfterAll
    void stop() {
        app.closeAll();
    }

    @ParameterizedTest(name = "interactive payload {0}")
    @ValueSource(strings = {
            "{\"type\":\"block_actions\"}",
            "{\"type\":\"block_actions\",\"user\":{\"id\":\"UALICE01\"}}",
            "{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"capstan.confirm\",\"value\":\"x\"}]}",
            "{\"type\":\"block_actions\",\"user\":\"UALICE01\",\"actions\":[{\"action_id\":\"demo.explode\"}]}",
            "{\"type\":\"block_actions\",\"user\":{\"id\":\"UALICE01\"},\"actions\":{\"action_id\":\"demo.explode\"}}",
            "{\"type\":\"block_actions\",\"user\":{\"id\":\"UALICE01\"},\"actions\":[5, \"x\", null]}",
            "{\"type\":\"block_actions\",\"user\":{\"id\":[1]},\"actions\":[{\"action_id\":{\"a\":1}}]}",
            "{\"type\":\"block_actions\",\"user\":{\"id\":\"UALICE01\"},\"actions\":[{\"action_id\":\"capstan.confirm\"}]}",
            "{\"type\":\"block_actions\",\"user\":{\"id\":\"UALICE01\"},\"actions\":[{\"action_id\":\"demo.nothing\"}],\"channel\":7,\"container\":\"x\"}",
            "{\"type\":\"view_submission\"}",
            "{\"type\":\"view_submission\",\"user\":{\"id\":\"UALICE01\"}}",
            "{\"type\":\"view_submission\",\"user\":{\"id\":\"UALICE01\"},\"view\":\"modal\"}",
            "{\"type\":\"view_submission\",\"user\":{\"id\":\"UALICE01\"},\"view\":{\"callback_id\":[],\"state\":{\"values\":7}}}",
            "{\"type\":\"view_submission\",\"user\":{\"id\":\"UALICE01\"},\"view\":{\"callback_id\":\"demo.broken\",\"state\":{\"values\":{\"b\":{\"a\":5}}}}}",
            "{\"type\":\"view_closed\",\"user\":{\"id\":\"UALICE01\"}}",
            "{\"type\":\"shortcut\"}",
            "{\"type\":7}",
            "[1,2,3]",
            "not json at all",
            "{\"type\":\"block_actions\""})
    void aMalformedInteractivePayloadGetsA200AndNoErrorInTheLog(String payload) {
        assertQuietlyAcknowledged("/slack/interactive", "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
    }

    @ParameterizedTest(name = "event envelope {0}")
    @ValueSource(strings = {
            "{\"type\":\"event_callback\"}",
            "{\"type\":\"event_callback\",\"event_id\":\"Ev0BAD0001\"}",
            "{\"type\":\"event_callback\",\"event_id\":\"Ev0BAD0002\",\"event\":\"team_join\"}",
            "{\"type\":\"event_callback\",\"event_id\":5,\"event\":{\"type\":\"team_join\"}}",
            "{\"type\":\"event_callback\",\"event_id\":\"Ev0BAD0003\",\"event\":{\"type\":[\"team_join\"],\"user\":{\"id\":5}}}",
            "{\"type\":\"event_callback\",\"event_id\":\"Ev0BAD0004\",\"event\":{\"type\":\"team_join\",\"user\":7}}",
            "{\"type\":\"event_callback\",\"event_id\":\"Ev0BAD0005\",\"event\":{\"type\":\"team_join\",\"user\":{\"id\":\"U\\u0000X\"}}}",
            "{\"type\":\"event_callback\",\"event_id\":\"Ev0BAD0006\",\"event\":{\"type\":\"app_home_opened\",\"channel\":{\"id\":1}}}",
            "{\"type\":\"url_verification\"}",
            "{\"type\":\"url_verification\",\"challenge\":{\"a\":1}}",
            "{\"type\":\"app_rate_limited\"}",
            "{\"type\":5}",
            "[]",
            "{"})
    void aMalformedEventEnvelopeGetsA200AndNoErrorInTheLog(String envelope) {
        assertQuietlyAcknowledged("/slack/events", envelope, "application/json");
    }

    @ParameterizedTest(name = "slash command {0}")
    @ValueSource(strings = {"", "command=/capstan", "text=demo+echo+hi", "command=&text=&user_id=", "user_id=UALICE01&text=help",
            "command=/capstan&text=help&user_id=UALICE01&channel_id=C1&response_url=not-a-url", "%%%=&&&"})
    void aSlashCommandMissingItsFieldsGetsA200AndNoErrorInTheLog(String form) {
        assertQuietlyAcknowledged("/slack/commands", form, "application/x-www-form-urlencoded");
    }

    /** The ack is a 200 without an apology, and no ERROR is logged, neither by the request nor by any job it left behind. */
    private void assertQuietlyAcknowledged(String path, String body, String contentType) {
        List<String> errors;
        SlashReply reply;
        try (LogCapture log = new LogCapture()) {
            reply = app.signedPost(path, body, contentType, Map.of(), null);
            app.awaitJobsDone();
            errors = log.errors();
        }
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain("Something went wrong");
        assertThat(errors).isEmpty();
    }
}
