package dev.capstan.features.timereport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.app.Launcher;
import dev.capstan.support.Await;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The add-time form in the playground, through the JSON endpoints the playground page calls: a real family's modal. */
class TimeReportInPlaygroundTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String USER = "UMEMBER01";
    private static Launcher.Running running;

    @BeforeAll
    static void start() {
        running = Launcher.start(Map.of("PORT", "0", "DATABASE_URL", TestDatabases.freshUrl(TestDatabases.Kind.H2)),
                List.of(new TimeReport()), Clock.systemUTC(), TestApp.FAST_JOBS);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void thePlaygroundShowsTheAddTimeFormAndASubmitWritesTheDay() {
        post("/playground/command", JSON.createObjectNode().put("user", USER).put("channel", "CGENERAL").put("text", "/timereport add"));
        JsonNode view = state().path("modal").path("view");
        assertThat(view.path("callback_id").asText()).isEqualTo("timereport.add");
        assertThat(view.path("blocks").findValuesAsText("block_id")).contains("reason", "from", "to", "hours");

        ObjectNode submit = JSON.createObjectNode().put("user", USER).put("view_id", view.path("id").asText());
        ObjectNode values = submit.putObject("values");
        values.putObject("reason").putObject("reason").put("type", "static_select").putObject("selected_option").put("value", "vab");
        values.putObject("from").putObject("from").put("type", "datepicker").put("selected_date", "2020-05-19");
        values.putObject("to").putObject("to").put("type", "datepicker").put("selected_date", "2020-05-19");
        values.putObject("hours").putObject("hours").put("type", "plain_text_input").put("value", "8");
        post("/playground/submit", submit);

        assertThat(state().path("modal").isMissingNode()).isTrue();
        Await.until(TimeReportInPlaygroundTest::state, s -> s.path("dms").toString().contains("Added *vab* 8 h to your report"),
                Duration.ofSeconds(10), "the DM that sums up the form");
    }

    private static JsonNode state() {
        return send(HttpRequest.newBuilder(URI.create(base() + "/playground/state?user=" + USER + "&channel=CGENERAL")).GET().build());
    }

    private static void post(String path, JsonNode body) {
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        assertThat(answer.path("ok").asBoolean()).as(path + " answered " + answer).isTrue();
    }

    private static String base() {
        return running.playgroundUrl().replaceAll("/$", "");
    }

    private static JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(request.uri().toString()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(request.uri() + " failed", e);
        }
    }
}
