package dev.capstan.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Jenkins for tests: jobs (in folders) with parameter definitions, buildWithParameters answering 201 with a
 * queue item, the queue item naming its build after a poll, builds that end when released, and a crumb issuer that
 * binds its crumb to a session cookie.
 */
public final class FakeJenkins implements AutoCloseable {
    /** A build request as it arrived: the job, its form parameters and headers. */
    public record Trigger(String job, Map<String, String> parameters, Map<String, String> headers) { }

    private final HttpServer server;
    private final Map<String, Set<String>> jobs = new ConcurrentHashMap<>();
    private final List<Trigger> triggers = new CopyOnWriteArrayList<>();
    private final Map<Integer, String> queue = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> queuePolls = new ConcurrentHashMap<>();
    private final Map<Integer, String> results = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicBoolean holding = new AtomicBoolean();
    private volatile String result = "SUCCESS";
    private volatile boolean crumbRequired;
    private volatile int triggerStatus;

    public FakeJenkins() {
        server = FakeHttp.serve(this::handle, 4);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** A job ("ops/restart" lives in the folder ops) and the parameters it defines. */
    public FakeJenkins job(String path, String... parameters) {
        jobs.put(path, Set.of(parameters));
        return this;
    }

    /** Builds keep running until {@link #release()}. */
    public void hold() {
        holding.set(true);
    }

    public void release() {
        holding.set(false);
    }

    public void endWith(String buildResult) {
        this.result = buildResult;
    }

    /** A crumb (and its session cookie) is required on POST, as with password authentication. */
    public void requireCrumb() {
        crumbRequired = true;
    }

    /** Every build request is answered with this status (503: Jenkins is restarting), recorded but not queued. */
    public void answerTriggersWith(int status) {
        triggerStatus = status;
    }

    public List<Trigger> triggers() {
        return List.copyOf(triggers);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/crumbIssuer/api/json")) {
            exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID.fake=session-1; Path=/; HttpOnly");
            FakeHttp.respond(exchange, 200, "{\"_class\":\"hudson.security.csrf.DefaultCrumbIssuer\",\"crumb\":\"crumb-1\",\"crumbRequestField\":\"Jenkins-Crumb\"}");
            return;
        }
        if (path.startsWith("/queue/item/")) {
            int id = Integer.parseInt(path.split("/")[3]);
            String job = queue.get(id);
            if (job == null) {
                FakeHttp.respond(exchange, 404, "");
                return;
            }
            if (queuePolls.merge(id, 1, Integer::sum) < 2) {
                FakeHttp.respond(exchange, 200, "{\"id\":" + id + ",\"why\":\"Waiting for next available executor\",\"executable\":null}");
                return;
            }
            results.putIfAbsent(id, "");
            FakeHttp.respond(exchange, 200, "{\"id\":" + id + ",\"executable\":{\"number\":" + id + ",\"url\":\"http://jenkins.internal:8080"
                    + jobPath(job) + id + "/\"}}");
            return;
        }
        String job = jobName(path);
        String rest = job == null ? path : path.substring(jobPath(job).length());
        if (job == null || !jobs.containsKey(job)) {
            FakeHttp.respond(exchange, 404, "<html>Not Found</html>");
            return;
        }
        if (method.equals("GET") && rest.equals("api/json")) {
            StringBuilder definitions = new StringBuilder();
            for (String name : jobs.get(job)) definitions.append(definitions.length() == 0 ? "" : ",").append("{\"name\":\"").append(name).append("\"}");
            FakeHttp.respond(exchange, 200, "{\"property\":[{\"_class\":\"hudson.model.ParametersDefinitionProperty\",\"parameterDefinitions\":["
                    + definitions + "]}]}");
        } else if (method.equals("POST") && (rest.equals("buildWithParameters") || rest.equals("build"))) {
            trigger(exchange, job);
        } else if (method.equals("GET") && rest.matches("\\d+/api/json")) {
            int number = Integer.parseInt(rest.substring(0, rest.indexOf('/')));
            boolean building = holding.get();
            FakeHttp.respond(exchange, 200, "{\"number\":" + number + ",\"building\":" + building + ",\"result\":"
                    + (building ? "null" : "\"" + result + "\"") + ",\"duration\":" + (building ? 0 : 61000) + "}");
        } else {
            FakeHttp.respond(exchange, 404, "");
        }
    }

    private void trigger(HttpExchange exchange, String job) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        if (crumbRequired && (!"crumb-1".equals(headers.get("jenkins-crumb"))
                || !String.valueOf(headers.get("cookie")).contains("JSESSIONID.fake=session-1"))) {
            FakeHttp.respond(exchange, 403, "No valid crumb was included in the request");
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.isEmpty() ? new String[0] : body.split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        triggers.add(new Trigger(job, parameters, headers));
        if (triggerStatus != 0) {
            FakeHttp.respond(exchange, triggerStatus, "Jenkins is getting ready to work");
            return;
        }
        int id = ids.incrementAndGet();
        queue.put(id, job);
        exchange.getResponseHeaders().add("Location", "http://jenkins.internal:8080/queue/item/" + id + "/");
        FakeHttp.respond(exchange, 201, "");
    }

    private static String jobPath(String job) {
        StringBuilder path = new StringBuilder("/");
        for (String name : job.split("/")) path.append("job/").append(name).append('/');
        return path.toString();
    }

    private static String jobName(String path) {
        List<String> names = new ArrayList<>();
        String[] parts = path.split("/");
        int i = 1;
        while (i + 1 < parts.length && parts[i].equals("job")) {
            names.add(URLDecoder.decode(parts[i + 1], StandardCharsets.UTF_8));
            i += 2;
        }
        return names.isEmpty() ? null : String.join("/", names);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
