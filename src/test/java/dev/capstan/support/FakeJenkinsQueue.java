package dev.capstan.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Jenkins as deployments use it: {@code buildWithParameters} (Basic auth with an API token) answers 201 with the queue item in
 * {@code Location}; the queue item names its build once the test starts it, and is forgotten when the test says so
 * (as Jenkins forgets it minutes after the build started); the build reports {@code building} and its result.
 */
public final class FakeJenkinsQueue implements AutoCloseable {
    public static final String USER = "capstan";
    public static final String TOKEN = "jenkins-api-token-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A queued build: the job path, its parameters, and its build number once started (0 before). */
    public record Queued(int queueId, String jobPath, Map<String, String> parameters) { }

    private final HttpServer server;
    private final List<Queued> queue = new CopyOnWriteArrayList<>();
    private final Map<Integer, Integer> started = new ConcurrentHashMap<>();
    private final Map<Integer, String> results = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> forgotten = new ConcurrentHashMap<>();
    private final AtomicInteger queueIds = new AtomicInteger(40);
    private final AtomicInteger buildNumbers = new AtomicInteger(0);

    public FakeJenkinsQueue() {
        server = FakeHttp.serve(this::handle, 2);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Queued> queued() {
        return List.copyOf(queue);
    }

    /** The build of the queue item starts; its number. */
    public int start(int queueId) {
        int number = buildNumbers.incrementAndGet();
        started.put(queueId, number);
        return number;
    }

    /** The build ends with "SUCCESS", "FAILURE", "UNSTABLE" or "ABORTED". */
    public void finish(int buildNumber, String result) {
        results.put(buildNumber, result);
    }

    /** Jenkins forgets the queue item (about five minutes after its build started, or when it is cancelled and cleaned). */
    public void forget(int queueId) {
        forgotten.put(queueId, true);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            FakeHttp.respond(exchange, 401, "{}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("POST") && path.endsWith("/buildWithParameters")) {
            Queued item = new Queued(queueIds.incrementAndGet(), path.substring(0, path.length() - "/buildWithParameters".length()), form(body));
            queue.add(item);
            exchange.getResponseHeaders().add("Location", url() + "/queue/item/" + item.queueId() + "/");
            FakeHttp.respond(exchange, 201, "");
        } else if (path.matches("/queue/item/\\d+/api/json")) {
            int id = Integer.parseInt(path.split("/")[3]);
            if (forgotten.containsKey(id) || queue.stream().noneMatch(q -> q.queueId() == id)) {
                FakeHttp.respond(exchange, 404, "");
                return;
            }
            ObjectNode item = JSON.createObjectNode().put("id", id).put("cancelled", false).put("why", "Waiting for next available executor");
            Integer number = started.get(id);
            if (number != null) item.putObject("executable").put("number", number).put("url", url() + jobPath(id) + "/" + number + "/");
            FakeHttp.respond(exchange, 200, item.toString());
        } else if (path.matches(".*/job/.+/\\d+/api/json")) {
            String[] parts = path.split("/");
            int number = Integer.parseInt(parts[parts.length - 3]);
            String result = results.get(number);
            ObjectNode build = JSON.createObjectNode().put("number", number).put("building", result == null);
            if (result == null) build.putNull("result");
            else build.put("result", result);
            FakeHttp.respond(exchange, 200, build.toString());
        } else {
            FakeHttp.respond(exchange, 404, "");
        }
    }

    private String jobPath(int queueId) {
        return queue.stream().filter(q -> q.queueId() == queueId).findFirst().map(Queued::jobPath).orElse("/job/unknown");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
