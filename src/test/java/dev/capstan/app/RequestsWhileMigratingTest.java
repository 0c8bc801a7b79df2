package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.Await;
import dev.capstan.support.SlackUser;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server starts listening while the database is migrated, and until the tables are there it answers Slack
 * with 503: a slash command that arrives early is refused whole, never half-handled on a database not ready for it.
 */
class RequestsWhileMigratingTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aSlashCommandArrivingWhileTheDatabaseIsMigratedGets503AndIsNotRecorded() throws Exception {
        String url = TestDatabases.freshUrl(TestDatabases.Kind.POSTGRES);
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        ExecutorService starting = Executors.newSingleThreadExecutor();
        try (Connection migrationBlocker = DriverManager.getConnection(url)) {
            migrationBlocker.setAutoCommit(false);
            try (Statement lock = migrationBlocker.createStatement()) {
                lock.execute("lock table flyway_schema_history in access exclusive mode");
            }
            Future<TestApp> started = starting.submit(() -> TestApp.on(TestDatabases.Kind.POSTGRES).database(url).port(port).start());

            Await.until(() -> status(get(base + "/healthz")), status -> status == 200, Duration.ofSeconds(30),
                    "the server to listen while the migrations wait");
            HttpResponse<String> early = slashCommand(base, "UEARLY001", "ping");

            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(early.body()).isEqualTo("Capstan is starting; try again in a moment.");
            assertThat(status(get(base + "/readyz"))).isEqualTo(503);
            migrationBlocker.rollback();
            TestApp app = started.get(60, TimeUnit.SECONDS);
            try {
                assertThat(app.as("ULATER001").run("/capstan ping").text()).containsIgnoringCase("pong");
                int early001 = app.capstan().database().jdbi().withHandle(h -> h.createQuery(
                        "select count(*) from audit_log where user_id = 'UEARLY001'").mapTo(Integer.class).one());
                assertThat(early001).isZero();
                assertThat(status(get(base + "/readyz"))).isEqualTo(200);
            } finally {
                app.closeAll();
            }
        } finally {
            starting.shutdownNow();
        }
    }

    private static HttpResponse<String> slashCommand(String base, String userId, String text) throws Exception {
        String body = "command=" + URLEncoder.encode("/capstan", StandardCharsets.UTF_8) + "&text=" + text + "&user_id=" + userId
                + "&channel_id=CGENERAL&team_id=T1&response_url=" + URLEncoder.encode(base + "/unused", StandardCharsets.UTF_8)
                + "&trigger_id=1.2.3";
        long timestamp = Instant.now().getEpochSecond();
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/slack/commands"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", SlackUser.sign(TestApp.SIGNING_SECRET, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String address) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(address)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception notListening) {
            return null;
        }
    }

    private static int status(HttpResponse<String> response) {
        return response == null ? 0 : response.statusCode();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
