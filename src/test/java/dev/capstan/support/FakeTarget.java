package dev.capstan.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that declared commands call: it records each request as it arrived (raw path and query, headers,
 * body) and answers a JSON person, an error that echoes the request's headers, a long text, or 202 with a Location
 * that finishes after a few polls.
 */
public final class FakeTarget implements AutoCloseable {
    /** A request as it arrived. */
    public record Request(String method, String rawPath, String rawQuery, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** How the next answers look. */
    public enum Mode { PERSON, ECHO_HEADERS_IN_ERROR, LONG_TEXT, ACCEPTED_THEN_DONE }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private volatile Mode mode = Mode.PERSON;

    public FakeTarget() {
        server = FakeHttp.serve(this::handle, 4);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeTarget answer(Mode next) {
        this.mode = next;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits for the first request whose raw path starts with {@code pathStart}. */
    public Request awaitPath(String pathStart) {
        return Await.until(() -> requests.stream().filter(r -> r.rawPath().startsWith(pathStart)).findFirst(),
                java.util.Optional::isPresent, java.time.Duration.ofSeconds(10), "a request to " + pathStart).orElseThrow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body);
        requests.add(request);
        if (request.rawPath().startsWith("/status/")) {
            if (polls.incrementAndGet() < 3) {
                FakeHttp.respond(exchange, 202, "{\"state\":\"running\"}");
            } else {
                FakeHttp.respond(exchange, 200, "{\"state\":\"done\",\"id\":\"job-7\"}");
            }
            return;
        }
        switch (mode) {
            case PERSON -> FakeHttp.respond(exchange, 200, "{\"name\":\"Ada Lovelace\",\"team\":\"core\",\"tags\":[\"a\",\"b\"]}");
            case ECHO_HEADERS_IN_ERROR -> FakeHttp.respond(exchange, 401, "{\"error\":\"bad credentials\",\"you_sent\":\""
                    + headers.toString().replace("\"", "'") + "\"}");
            case LONG_TEXT -> FakeHttp.respond(exchange, 200, "{\"log\":\"" + "line of output; ".repeat(400) + "END\"}");
            case ACCEPTED_THEN_DONE -> {
                exchange.getResponseHeaders().add("Location", "/status/7");
                FakeHttp.respond(exchange, 202, "{\"state\":\"queued\"}");
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
