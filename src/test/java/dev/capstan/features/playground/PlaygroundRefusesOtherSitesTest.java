package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.app.Launcher;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Other web pages (cross-site forms, DNS rebinding) must not drive or read the playground. */
class PlaygroundRefusesOtherSitesTest {
    private static Launcher.Running running;
    private static int port;

    @BeforeAll
    static void start() {
        running = Launcher.start(Map.of("PORT", "0", "DATABASE_URL", TestDatabases.freshUrl(TestDatabases.Kind.H2)),
                List.of(), Clock.systemUTC(), TestApp.FAST_JOBS);
        port = URI.create(running.playgroundUrl()).getPort();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    /** Sends a raw HTTP/1.1 request, so the Host and Origin headers are exactly what a browser elsewhere would send. */
    private static String send(String method, String path, String host, String origin, String contentType, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
            if (origin != null) request.append("Origin: ").append(origin).append("\r\n");
            if (contentType != null) request.append("Content-Type: ").append(contentType).append("\r\n");
            request.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    private static String command(String text) {
        return "{\"user\":\"UADMIN001\",\"channel\":\"CDEV\",\"text\":\"" + text + "\"}";
    }

    private static String devMessages() throws Exception {
        return send("GET", "/playground/state?user=UADMIN001&channel=CDEV", "127.0.0.1:" + port, null, null, null);
    }

    @Test
    void theStateIsReadableUnderTheLocalAddressesButNotUnderAnyOtherHostName() throws Exception {
        assertThat(status(send("GET", "/playground/state?user=UADMIN001", "127.0.0.1:" + port, null, null, null))).isEqualTo(200);
        assertThat(status(send("GET", "/playground/state?user=UADMIN001", "localhost:" + port, null, null, null))).isEqualTo(200);
        assertThat(status(send("GET", "/playground/state?user=UADMIN001", "rebound.attacker.example:" + port, null, null, null)))
                .isEqualTo(403);
        assertThat(status(send("GET", "/playground/state?user=UADMIN001", "127.0.0.1:1", null, null, null))).isEqualTo(403);
        assertThat(status(send("GET", "/", "rebound.attacker.example", null, null, null))).isEqualTo(403);
    }

    @Test
    void aCommandFromThePagesOwnOriginAsJsonRuns() throws Exception {
        String answer = send("POST", "/playground/command", "127.0.0.1:" + port, "http://127.0.0.1:" + port,
                "application/json", command("/capstan whoami same-origin"));
        assertThat(status(answer)).isEqualTo(200);
        assertThat(devMessages()).contains("/capstan whoami same-origin");
    }

    @Test
    void aCommandPostedByAnotherSiteIsRefusedAndNothingHappens() throws Exception {
        String fromElsewhere = send("POST", "/playground/command", "127.0.0.1:" + port, "https://evil.example",
                "application/json", command("/capstan whoami from-evil"));
        String asForm = send("POST", "/playground/command", "127.0.0.1:" + port, null, "text/plain", command("/capstan whoami as-text"));
        String rebound = send("POST", "/playground/command", "evil.example:" + port, "http://evil.example:" + port,
                "application/json", command("/capstan whoami rebound"));
        assertThat(List.of(fromElsewhere, asForm, rebound)).allSatisfy(r -> assertThat(status(r)).isEqualTo(403));
        assertThat(devMessages()).doesNotContain("from-evil").doesNotContain("as-text").doesNotContain("rebound");
    }

    @Test
    void theFakeWebApiRefusesCallsFromAnyWebPage() throws Exception {
        String answer = send("POST", "/playground/api/chat.postMessage", "127.0.0.1:" + port, "https://evil.example",
                "application/x-www-form-urlencoded", "channel=CDEV&text=planted-by-evil");
        assertThat(status(answer)).isEqualTo(403);
        assertThat(devMessages()).doesNotContain("planted-by-evil");
    }
}
