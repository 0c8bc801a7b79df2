package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.security.Hmac;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A signed body that is not valid UTF-8 is verified over the bytes that arrived, never over text re-encoded from them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedBytesTest {
    private static final String GITHUB_SECRET = "github-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.on(TestDatabases.Kind.H2).env("GITHUB_WEBHOOK_SECRET", GITHUB_SECRET).feature(new DemoFamily()).start();
    }

    @AfterAll
    void stop() {
        app.closeAll();
    }

    @Test
    void aSlashCommandWhoseBodyHoldsALatin1ByteIsVerifiedAndAnswered() throws Exception {
        byte[] body = bytes("command=/capstan&user_id=ULATIN001&channel_id=CGENERAL&team_id=T0TEST&response_url="
                + app.slack().newResponseUrl() + "&text=demo echo caf", 0xE9);
        long timestamp = Instant.now().getEpochSecond();
        String signature = "v0=" + Hmac.sha256Hex(TestApp.SIGNING_SECRET, Hmac.concat("v0:" + timestamp + ":", body));
        HttpResponse<String> answer = post("/slack/commands", body, "application/x-www-form-urlencoded",
                Map.of("X-Slack-Request-Timestamp", Long.toString(timestamp), "X-Slack-Signature", signature));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("caf\uFFFD");
    }

    @Test
    void aGitHubDeliveryWhoseBodyIsNotUtf8PassesTheSignatureOverItsBytes() throws Exception {
        byte[] body = bytes("{\"zen\":\"caf", 0xE9, "\"}");
        HttpResponse<String> answer = post("/github/webhook", body, "application/json", Map.of("X-GitHub-Event", "ping",
                "X-GitHub-Delivery", "d-latin1", "X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(GITHUB_SECRET, body)));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("pong");
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) out.write(b);
            else out.writeBytes(part.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private HttpResponse<String> post(String path, byte[] body, String type, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
