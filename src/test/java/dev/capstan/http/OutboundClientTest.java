package dev.capstan.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditLog;
import dev.capstan.command.AuditQuery;
import dev.capstan.command.PermanentFailure;
import dev.capstan.command.TransientFailure;
import dev.capstan.security.SecretMask;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one outbound client: what it retries and what not, how long it waits, what it refuses, and what it writes down. */
class OutboundClientTest {
    private final SecretMask secrets = new SecretMask();
    private final Deque<String> answers = new ArrayDeque<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
    private final List<Duration> waited = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private OutboundClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            String answer;
            synchronized (answers) {
                answer = answers.size() > 1 ? answers.poll() : answers.peek();
            }
            String[] parts = answer.split(" ", 3);
            if (!parts[1].equals("-")) exchange.getResponseHeaders().add("Retry-After", parts[1]);
            byte[] body = parts[2].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(parts[0]), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        AuditLog audit = new AuditLog() {
            @Override
            public long record(AuditEntry entry) {
                audited.add(entry);
                return 0;
            }

            @Override
            public void complete(long id, String outcome, long durationMs) {
            }

            @Override
            public boolean completed(long id) {
                return false;
            }

            @Override
            public List<AuditEntry> latest(AuditQuery query) {
                return List.copyOf(audited);
            }
        };
        client = new OutboundHttp(audit, new SimpleMeterRegistry(), Clock.systemUTC(), secrets, waited::add)
                .client("test.target", HttpPolicy.standard(HostAllowList.of("127.0.0.1")));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void a429IsRetriedAfterTheWaitTheServerAsksFor() {
        answers.addAll(List.of("429 7 slow down", "200 - done"));
        HttpAnswer answer = client.send(HttpCall.post(url("/purge")).json("{}"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(waited).containsExactly(Duration.ofSeconds(7));
        assertThat(received).containsExactly("POST /purge", "POST /purge");
    }

    @Test
    void aServerErrorIsRetriedForAGetButNeverForAPostThatMayHaveHappened() {
        answers.addAll(List.of("502 - bad gateway", "200 - fine"));
        assertThat(client.send(HttpCall.get(url("/status"))).status()).isEqualTo(200);
        assertThat(received).hasSize(2);
        received.clear();
        answers.clear();
        answers.addAll(List.of("502 - bad gateway", "200 - fine"));
        assertThat(client.send(HttpCall.post(url("/deploy")).json("{}")).status()).isEqualTo(502);
        assertThat(received).containsExactly("POST /deploy");
    }

    @Test
    void aRetryAfterLongerThanThePolicyAllowsIsNotWaitedForAndTheAnswerReturned() {
        answers.add("429 3600 come back in an hour");
        HttpAnswer answer = client.send(HttpCall.get(url("/x")));
        assertThat(answer.status()).isEqualTo(429);
        assertThat(waited).isEmpty();
        TransientFailure failure = catchThrowableOfType(TransientFailure.class, () -> answer.requireSuccess("asking"));
        assertThat(failure).hasMessageContaining("asking failed: GET 127.0.0.1:").hasMessageContaining("answered 429: come back in an hour");
    }

    @Test
    void aHostOutsideTheAllowListIsRefusedBeforeAnythingIsSent() {
        PermanentFailure failure = catchThrowableOfType(PermanentFailure.class, () -> client.send(HttpCall.get("http://example.org/")));
        assertThat(failure).hasMessageContaining("the host example.org is not on the allow-list (127.0.0.1)");
        assertThat(received).isEmpty();
    }

    @Test
    void aRefusalIsPermanentAndQuotesTheServerWithSecretsMasked() {
        secrets.add("s3cr3t-value-for-outbound");
        answers.add("403 - token s3cr3t-value-for-outbound is not allowed");
        PermanentFailure failure = catchThrowableOfType(PermanentFailure.class,
                () -> client.send(HttpCall.get(url("/x")).header("Authorization", "Bearer s3cr3t-value-for-outbound")).requireSuccess("reading x"));
        assertThat(failure.getMessage()).contains("answered 403: token ••• is not allowed").doesNotContain("s3cr3t");
    }

    @Test
    void everyAttemptIsAuditedWithMethodHostPathAndStatusButNeverTheQueryHeadersOrBody() {
        answers.addAll(List.of("500 - oops", "200 - ok"));
        client.send(HttpCall.get(url("/items?token=abc")).header("Authorization", "Bearer xyz"));
        assertThat(audited).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo(AuditEntry.Kind.HTTP);
            assertThat(entry.command()).isEqualTo("test.target");
            assertThat(entry.rawText()).startsWith("GET 127.0.0.1:").endsWith("/items").doesNotContain("token").doesNotContain("xyz");
        });
        assertThat(audited).extracting(AuditEntry::outcome).containsExactly("500", "200");
    }

    @Test
    void aServerThatIsNotThereIsATransientFailureAfterEveryAttempt() {
        int port = server.getAddress().getPort();
        server.stop(0);
        TransientFailure failure = catchThrowableOfType(TransientFailure.class,
                () -> client.send(HttpCall.get("http://127.0.0.1:" + port + "/gone")));
        assertThat(failure).hasMessageContaining("got no answer (connection refused)");
        assertThat(audited).hasSize(3);
    }
}
