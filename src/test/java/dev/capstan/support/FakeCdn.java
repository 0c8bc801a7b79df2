package dev.capstan.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A local stand-in for a CDN's purge API: records every request and answers it like the CDN, or as scripted. */
public abstract class FakeCdn implements AutoCloseable {
    protected static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the CDN received it; header names in lower case. */
    public record Received(String method, String path, Map<String, String> headers, String body, Instant at) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** An answer: status, headers, body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer json(int status, String body) {
            return new Answer(status, Map.of(), body);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> scripted = new ConcurrentLinkedDeque<>();

    protected FakeCdn() {
        server = FakeHttp.serve(this::handle, 4);
    }

    /** What a site's api_url should be to reach this fake. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request gets this answer instead of the CDN's usual one (it is still recorded). */
    public void scriptNext(Answer answer) {
        scripted.add(answer);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} requests arrived, then returns them. */
    public List<Received> await(int count) {
        return Await.until(this::received, list -> list.size() >= count, Duration.ofSeconds(20), count + " requests to " + getClass().getSimpleName());
    }

    /** Waits until {@code count} requests matching {@code which} arrived, then returns them. */
    public List<Received> await(Predicate<Received> which, int count) {
        return Await.until(() -> received().stream().filter(which).toList(), list -> list.size() >= count, Duration.ofSeconds(20),
                count + " matching requests to " + getClass().getSimpleName());
    }

    /** How the CDN answers a request nothing was scripted for. */
    protected abstract Answer answer(Received request);

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        String path = exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        Received request = new Received(exchange.getRequestMethod(), path, headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Instant.now());
        received.add(request);
        Answer answer = scripted.poll();
        if (answer == null) answer = answer(request);
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
