package dev.capstan.features.playground;

import static dev.capstan.features.playground.Workspace.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.http.HttpExchange;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pretend ECS for declared commands' ecs action, speaking ECS's JSON 1.1 protocol (X-Amz-Target RunTask,
 * DescribeTasks, DescribeTaskDefinition): a task runs for one look, then stops with exit code 0, or the number after
 * "exit=" in its command; its container logs to CloudWatch (awslogs). Nothing runs anywhere.
 */
final class PlaygroundEcs {
    static final String PATH = "/playground/ecs";
    private static final String TARGET = "AmazonEC2ContainerServiceV20141113.";

    private record Task(String arn, String container, int exitCode, Instant at, AtomicInteger looks) { }

    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    HttpExchange.Response handle(HttpExchange.Request request) throws Exception {
        String target = request.header("X-Amz-Target");
        JsonNode body = JSON.readTree(request.body().isBlank() ? "{}" : request.body());
        if (target == null || !target.startsWith(TARGET)) return error("UnknownOperationException", "no X-Amz-Target");
        ObjectNode answer = JSON.createObjectNode();
        switch (target.substring(TARGET.length())) {
            case "RunTask" -> {
                JsonNode override = body.path("overrides").path("containerOverrides").path(0);
                int exit = 0;
                for (JsonNode word : override.path("command")) {
                    if (word.asText().startsWith("exit=")) exit = Integer.parseInt(word.asText().substring(5).replaceAll("\\D", "0"));
                }
                String arn = "arn:aws:ecs:eu-west-1:000000000000:task/" + body.path("cluster").asText("playground") + "/pretend"
                        + ids.incrementAndGet();
                Task task = new Task(arn, override.path("name").asText("app"), exit, Instant.now(), new AtomicInteger());
                tasks.put(arn, task);
                answer.putArray("tasks").add(task(task, "PROVISIONING"));
                answer.putArray("failures");
            }
            case "DescribeTasks" -> {
                var found = answer.putArray("tasks");
                var failures = answer.putArray("failures");
                for (JsonNode arn : body.path("tasks")) {
                    Task task = tasks.get(arn.asText());
                    if (task == null) failures.addObject().put("arn", arn.asText()).put("reason", "MISSING");
                    else found.add(task(task, task.looks().incrementAndGet() <= 1 ? "RUNNING" : "STOPPED"));
                }
            }
            case "DescribeTaskDefinition" -> {
                ObjectNode definition = answer.putObject("taskDefinition").put("taskDefinitionArn", body.path("taskDefinition").asText());
                ObjectNode container = definition.putArray("containerDefinitions").addObject().put("name", "runner");
                container.putObject("logConfiguration").put("logDriver", "awslogs").putObject("options")
                        .put("awslogs-group", "/ecs/playground").put("awslogs-region", "eu-west-1").put("awslogs-stream-prefix", "ecs");
            }
            default -> {
                return error("UnknownOperationException", target);
            }
        }
        return HttpExchange.Response.json(answer.toString());
    }

    private static ObjectNode task(Task task, String status) {
        ObjectNode node = JSON.createObjectNode().put("taskArn", task.arn()).put("lastStatus", status)
                .put("taskDefinitionArn", "arn:aws:ecs:eu-west-1:000000000000:task-definition/report-runner:1")
                .put("createdAt", task.at().getEpochSecond()).put("startedAt", task.at().getEpochSecond());
        ObjectNode container = node.putArray("containers").addObject().put("name", task.container()).put("lastStatus", status);
        if (status.equals("STOPPED")) {
            node.put("stoppedAt", task.at().getEpochSecond() + 3).put("stoppedReason", "Essential container in task exited");
            container.put("exitCode", task.exitCode());
        }
        return node;
    }

    private static HttpExchange.Response error(String type, String message) {
        return HttpExchange.Response.text(400, JSON.createObjectNode().put("__type", type).put("message", message).toString());
    }
}
