package dev.capstan.features.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.command.PermanentFailure;
import dev.capstan.platform.Durations;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * An ECS run step by step: RunTask with the rendered overrides, then DescribeTasks by Capstan's clock until the task
 * STOPPED, then its result.
 */
final class EcsSteps {
    static final String TARGET = "AmazonEC2ContainerServiceV20141113.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommandServices services;
    private final EcsTasks ecs;

    EcsSteps(CommandServices services, EcsTasks ecs) {
        this.services = services;
        this.ecs = ecs;
    }

    Step step(Run run, Action.Ecs action, String ack) {
        if (run.stage() == Run.Stage.START) {
            Variables values = services.variables(run, true);
            String arn = ecs.run(action, EcsTasks.request(action, t -> HttpRequests.render(t, values, UnaryOperator.identity())));
            Run next = run.next(Run.Stage.TASK, arn, null);
            return new Step.Follow(next, RunMessage.task(services.secrets(), next, ack, arn.substring(arn.lastIndexOf('/') + 1)));
        }
        if (run.stage() != Run.Stage.TASK) throw new PermanentFailure("an ECS run is either starting or following its task");
        EcsTasks.TaskState state = ecs.describe(action, run.url()).orElseThrow(() -> new PermanentFailure(
                "ECS no longer knows the task " + run.url()));
        if (!"STOPPED".equals(state.lastStatus())) return new Step.Again(run, null);
        return finished(action, state);
    }

    private Step finished(Action.Ecs action, EcsTasks.TaskState state) {
        Task task = state.task();
        Integer exit = task.containers().stream().filter(c -> c.name().equals(action.container())).findFirst()
                .map(Container::exitCode).orElse(null);
        Instant from = task.startedAt() != null ? task.startedAt() : task.createdAt();
        Instant to = task.stoppedAt() != null ? task.stoppedAt() : services.clock().instant();
        String link = ecs.logLink(action, state);
        boolean ok = exit != null && exit == 0;
        Map<String, String> values = new HashMap<>();
        values.put("job.result", ok ? "SUCCESS" : "FAILURE");
        values.put("job.exit_code", exit == null ? "none" : exit.toString());
        values.put("job.duration", from == null ? "?" : Durations.format(Duration.between(from, to)));
        values.put("job.url", link == null ? "" : link);
        values.put("job.task", state.id());
        values.put("job.reason", EcsTasks.stopped(task));
        String outcome = exit == null ? "stopped without an exit code" : "exit code " + exit;
        return new Step.Finished(values, null, ok, outcome, null);
    }

    /** The RunTask request as a dry run shows it: secrets as placeholders. */
    OutboundRequest preview(Action.Ecs action, Variables values) {
        RunTaskRequest request = EcsTasks.request(action, t -> HttpRequests.render(t, values, UnaryOperator.identity()));
        ObjectNode body = JSON.createObjectNode().put("cluster", request.cluster()).put("taskDefinition", request.taskDefinition());
        if (request.launchTypeAsString() != null) body.put("launchType", request.launchTypeAsString());
        ObjectNode container = body.putObject("overrides").putArray("containerOverrides").addObject().put("name", action.container());
        request.overrides().containerOverrides().get(0).command().forEach(container.putArray("command")::add);
        ObjectNode environment = JSON.createObjectNode();
        request.overrides().containerOverrides().get(0).environment().forEach(kv -> environment.put(kv.name(), kv.value()));
        if (!environment.isEmpty()) container.set("environment", environment);
        return new OutboundRequest("POST", URI.create(ecs.endpoint(action) + "/"), Map.of("X-Amz-Target", TARGET + "RunTask"),
                body.toPrettyString());
    }
}
