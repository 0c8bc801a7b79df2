package dev.capstan.http;

import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditLog;
import dev.capstan.command.PermanentFailure;
import dev.capstan.command.TransientFailure;
import dev.capstan.security.SecretMask;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one kind of server: connect and read timeouts, bounded retries on 429 (honouring Retry-After) and, for
 * requests that are safe to repeat, on 5xx and timeouts; one audit line per attempt (method, host, path, status,
 * duration; never headers or body); secrets masked in everything it says.
 */
public final class OutboundClient {
    private static final Logger log = LoggerFactory.getLogger(OutboundClient.class);
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final String purpose;
    private final HttpPolicy policy;
    private final AuditLog audit;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final OutboundHttp.Sleeper sleeper;
    private final SecretMask secrets;
    private final HttpClient http;

    OutboundClient(String purpose, HttpPolicy policy, AuditLog audit, MeterRegistry metrics, Clock clock, SecretMask secrets,
                   OutboundHttp.Sleeper sleeper) {
        this.purpose = purpose;
        this.secrets = secrets;
        this.policy = policy;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public String purpose() {
        return purpose;
    }

    public HttpPolicy policy() {
        return policy;
    }

    /**
     * Sends the call and returns whatever status the server answered last. Throws {@link PermanentFailure} for a host
     * outside the allow-list, {@link TransientFailure} when no answer came after every attempt.
     */
    public HttpAnswer send(HttpCall call) {
        if (!"http".equals(call.uri().getScheme()) && !"https".equals(call.uri().getScheme())) {
            throw new PermanentFailure(purpose + ": only http(s) URLs can be called, not " + secrets.mask(call.describe()));
        }
        if (!policy.hosts().allows(call.uri().getHost())) {
            throw new PermanentFailure(purpose + ": the host " + call.uri().getHost() + " is not on the allow-list ("
                    + String.join(", ", policy.hosts().hosts()) + ")");
        }
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= policy.attempts();
            long started = System.nanoTime();
            HttpAnswer answer;
            try {
                answer = once(call);
            } catch (IOException e) {
                String what = failure(e);
                record(call, "no answer: " + what, started);
                boolean unsent = e instanceof HttpConnectTimeoutException || e instanceof java.net.ConnectException;
                if (last || !(call.idempotent() || unsent)) {
                    throw new TransientFailure(purpose + ": " + secrets.mask(call.describe()) + " got no answer (" + what + ")", null);
                }
                log.info("{}: {} got no answer ({}); attempt {} of {}", purpose, call.describe(), what, attempt, policy.attempts());
                pause(backoff(attempt));
                continue;
            }
            record(call, Integer.toString(answer.status()), started);
            boolean retryable = answer.status() == 429 || (answer.status() >= 500 && call.idempotent());
            if (!retryable || last) return answer;
            Duration wait = answer.status() == 429 || answer.header("Retry-After") != null
                    ? retryAfter(answer.header("Retry-After")) : backoff(attempt);
            if (wait.compareTo(policy.longestWait()) > 0) return answer;
            log.info("{}: {} answered {}; retrying in {} ms (attempt {} of {})", purpose, call.describe(), answer.status(),
                    wait.toMillis(), attempt, policy.attempts());
            pause(wait);
        }
    }

    private HttpAnswer once(HttpCall call) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(policy.readTimeout())
                .method(call.method(), call.body().length == 0 && (call.method().equals("GET") || call.method().equals("DELETE"))
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) request.header(name, value);
        });
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new HttpAnswer(call, response.statusCode(), response.headers().map(),
                    new String(response.body(), StandardCharsets.UTF_8), secrets);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void record(HttpCall call, String outcome, long startedNanos) {
        long ms = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        metrics.timer("capstan.http.outbound", "purpose", purpose, "outcome", outcome.startsWith("no answer") ? "none" : outcome)
                .record(Duration.ofMillis(ms));
        audit.append(AuditEntry.of(AuditEntry.Kind.HTTP, clock.instant(), null, null, secrets.mask(call.describe()),
                purpose, call.method(), outcome, ms, null));
    }

    private String failure(IOException e) {
        if (e instanceof HttpConnectTimeoutException) return "connect timeout";
        if (e instanceof HttpTimeoutException) return "timed out";
        if (e instanceof java.net.ConnectException) return "connection refused";
        return secrets.mask(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(250L << Math.min(6, attempt - 1));
    }

    /** Retry-After in seconds or as an HTTP date; a second when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) return Duration.ofSeconds(1);
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException unreadable) {
                return Duration.ofSeconds(1);
            }
        }
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure(purpose + ": interrupted while waiting to retry", e);
        }
    }
}
