package dev.capstan.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local CircleCI v2 API: {@code POST /api/v2/project/gh/{org}/{repo}/pipeline} with a {@code Circle-Token} answers
 * 201 with the pipeline's id and number, as CircleCI does; each trigger is recorded; the next one can be refused, and a
 * project whose config declares its pipeline parameters refuses any other with CircleCI's 400.
 */
public final class FakeCircleCi implements AutoCloseable {
    public static final String TOKEN = "circle-token-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One triggered pipeline: the project path, the request body and the pipeline CircleCI answered with. */
    public record Trigger(String project, JsonNode body, String pipelineId, int number) { }

    private final HttpServer server;
    private final List<Trigger> triggers = new CopyOnWriteArrayList<>();
    private final AtomicInteger numbers = new AtomicInteger(100);
    private volatile String refuseNext;
    private final Map<String, Set<String>> declared = new ConcurrentHashMap<>();

    public FakeCircleCi() {
        server = FakeHttp.serve(this::handle, 2);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Trigger> triggers() {
        return List.copyOf(triggers);
    }

    /**
     * The pipeline parameters the project's {@code .circleci/config.yml} declares ("gh/acme/web"); from then on a trigger
     * with any other parameter is refused as CircleCI refuses it: 400, "Unexpected argument(s): a, b".
     */
    public void declare(String project, String... parameters) {
        declared.put(project, Set.of(parameters));
    }

    /** The next trigger is answered 400 with this message (an undeclared pipeline parameter, say). */
    public void refuseNext(String message) {
        refuseNext = message;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("Circle-Token"))) {
            FakeHttp.respond(exchange, 401, "{\"message\":\"You must log in first.\"}");
            return;
        }
        if (!exchange.getRequestMethod().equals("POST") || !path.matches("/api/v2/project/gh/[^/]+/[^/]+/pipeline")) {
            FakeHttp.respond(exchange, 404, "{\"message\":\"Not found.\"}");
            return;
        }
        String refusal = refuseNext;
        if (refusal != null) {
            refuseNext = null;
            FakeHttp.respond(exchange, 400, JSON.createObjectNode().put("message", refusal).toString());
            return;
        }
        String project = path.substring("/api/v2/project/".length(), path.length() - "/pipeline".length());
        JsonNode request = JSON.readTree(body);
        Set<String> known = declared.get(project);
        if (known != null) {
            List<String> unexpected = new ArrayList<>();
            request.path("parameters").fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) unexpected.add(name);
            });
            if (!unexpected.isEmpty()) {
                FakeHttp.respond(exchange, 400, JSON.createObjectNode().put("message", "Unexpected argument(s): "
                        + String.join(", ", unexpected)).toString());
                return;
            }
        }
        Trigger trigger = new Trigger(project, request, UUID.randomUUID().toString(), numbers.incrementAndGet());
        triggers.add(trigger);
        FakeHttp.respond(exchange, 201, JSON.createObjectNode().put("id", trigger.pipelineId()).put("number", trigger.number())
                .put("state", "created").put("created_at", "2026-01-01T00:00:00Z").toString());
    }

    /** A {@code workflow-completed} webhook body for the pipeline, shaped as CircleCI sends it. */
    public static String workflowCompleted(String deliveryId, String pipelineId, String status) {
        return "{\"type\":\"workflow-completed\",\"id\":\"" + deliveryId + "\",\"happened_at\":\"2026-01-01T00:05:00Z\","
                + "\"webhook\":{\"id\":\"w1\",\"name\":\"capstan\"},\"workflow\":{\"id\":\"wf-1\",\"name\":\"deploy\",\"status\":\"" + status
                + "\",\"created_at\":\"2026-01-01T00:00:00Z\",\"stopped_at\":\"2026-01-01T00:05:00Z\",\"url\":\"https://app.circleci.com/pipelines/gh/acme/web/101/workflows/wf-1\"},"
                + "\"pipeline\":{\"id\":\"" + pipelineId + "\",\"number\":101,\"created_at\":\"2026-01-01T00:00:00Z\"},"
                + "\"project\":{\"id\":\"p1\",\"name\":\"web\",\"slug\":\"gh/acme/web\"},\"organization\":{\"id\":\"o1\",\"name\":\"acme\"}}";
    }

    /** A {@code job-completed} webhook body for a job of the pipeline. */
    public static String jobCompleted(String deliveryId, String pipelineId) {
        return "{\"type\":\"job-completed\",\"id\":\"" + deliveryId + "\",\"happened_at\":\"2026-01-01T00:02:00Z\","
                + "\"webhook\":{\"id\":\"w1\",\"name\":\"capstan\"},\"job\":{\"id\":\"j1\",\"name\":\"build\",\"number\":7,\"status\":\"success\","
                + "\"started_at\":\"2026-01-01T00:00:10Z\",\"stopped_at\":\"2026-01-01T00:02:00Z\"},"
                + "\"pipeline\":{\"id\":\"" + pipelineId + "\",\"number\":101},\"project\":{\"id\":\"p1\",\"name\":\"web\",\"slug\":\"gh/acme/web\"},"
                + "\"organization\":{\"id\":\"o1\",\"name\":\"acme\"}}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
