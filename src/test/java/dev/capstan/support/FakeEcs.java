package dev.capstan.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ECS on localhost, speaking its JSON 1.1 protocol ({@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.RunTask},
 * DescribeTasks, DescribeTaskDefinition): RunTask in a known cluster starts a PROVISIONING task, which DescribeTasks shows
 * RUNNING twice, then STOPPED with exit code 0, or the number after "exit=" in the container's command; the task
 * definition logs to CloudWatch (awslogs). An unknown cluster gets ClusterNotFoundException, as ECS answers.
 */
public final class FakeEcs extends FakeCdn {
    public static final String TARGET = "AmazonEC2ContainerServiceV20141113.";
    public static final String CLUSTER = "ops";
    public static final String ACCOUNT = "123456789012";
    public static final String LOG_GROUP = "/ecs/report";

    private record Started(String arn, String container, int exitCode, Instant at, AtomicInteger looks) { }

    private final Map<String, Started> tasks = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    protected Answer answer(Received request) {
        String target = request.header("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET)) return error(400, "UnknownOperationException", "no X-Amz-Target");
        JsonNode body = request.json();
        return switch (target.substring(TARGET.length())) {
            case "RunTask" -> runTask(body);
            case "DescribeTasks" -> describeTasks(body);
            case "DescribeTaskDefinition" -> describeTaskDefinition(body);
            default -> error(400, "UnknownOperationException", target);
        };
    }

    private Answer runTask(JsonNode body) {
        if (!CLUSTER.equals(body.path("cluster").asText())) return error(400, "ClusterNotFoundException", "Cluster not found.");
        String id = "0f" + String.format("%030d", ids.incrementAndGet());
        String arn = "arn:aws:ecs:eu-west-1:" + ACCOUNT + ":task/" + CLUSTER + "/" + id;
        JsonNode override = body.path("overrides").path("containerOverrides").path(0);
        int exit = 0;
        for (JsonNode word : override.path("command")) {
            if (word.asText().startsWith("exit=")) exit = Integer.parseInt(word.asText().substring(5));
        }
        Started task = new Started(arn, override.path("name").asText("app"), exit, Instant.now(), new AtomicInteger());
        tasks.put(arn, task);
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("tasks").add(task(task, "PROVISIONING"));
        answer.putArray("failures");
        return Answer.json(200, answer.toString());
    }

    private Answer describeTasks(JsonNode body) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode found = answer.putArray("tasks");
        ArrayNode failures = answer.putArray("failures");
        for (JsonNode arn : body.path("tasks")) {
            Started task = tasks.get(arn.asText());
            if (task == null) {
                failures.addObject().put("arn", arn.asText()).put("reason", "MISSING");
                continue;
            }
            found.add(task(task, task.looks().incrementAndGet() <= 2 ? "RUNNING" : "STOPPED"));
        }
        return Answer.json(200, answer.toString());
    }

    private Answer describeTaskDefinition(JsonNode body) {
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode definition = answer.putObject("taskDefinition").put("taskDefinitionArn", body.path("taskDefinition").asText());
        ObjectNode container = definition.putArray("containerDefinitions").addObject().put("name", "runner");
        container.putObject("logConfiguration").put("logDriver", "awslogs").putObject("options")
                .put("awslogs-group", LOG_GROUP).put("awslogs-region", "eu-west-1").put("awslogs-stream-prefix", "ecs");
        return Answer.json(200, answer.toString());
    }

    private static ObjectNode task(Started task, String status) {
        ObjectNode node = JSON.createObjectNode().put("taskArn", task.arn()).put("lastStatus", status)
                .put("clusterArn", "arn:aws:ecs:eu-west-1:" + ACCOUNT + ":cluster/" + CLUSTER)
                .put("taskDefinitionArn", "arn:aws:ecs:eu-west-1:" + ACCOUNT + ":task-definition/report-runner:7")
                .put("createdAt", task.at().getEpochSecond());
        ObjectNode container = node.putArray("containers").addObject().put("name", task.container()).put("lastStatus", status);
        if (!status.equals("PROVISIONING")) node.put("startedAt", task.at().getEpochSecond());
        if (status.equals("STOPPED")) {
            node.put("stoppedAt", task.at().getEpochSecond() + 42).put("stopCode", "EssentialContainerExited")
                    .put("stoppedReason", "Essential container in task exited");
            container.put("exitCode", task.exitCode());
        }
        return node;
    }

    private static Answer error(int status, String type, String message) {
        return Answer.json(status, JSON.createObjectNode().put("__type", type).put("message", message).toString());
    }
}
