package dev.capstan.features.commands;

import dev.capstan.command.PermanentFailure;
import dev.capstan.command.TransientFailure;
import dev.capstan.security.SecretMask;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * ECS through the AWS SDK for Java v2 over the JDK's URLConnection: one client per region, the default credential chain
 * (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY of Capstan's environment first, when given), and AWS_ENDPOINT_URL_ECS as
 * an endpoint override (a local stand-in). SDK errors become the job's failures: a refusal is permanent, no answer transient.
 */
final class EcsTasks implements AutoCloseable {
    static final String REGION = "AWS_REGION";
    static final String ENDPOINT = "AWS_ENDPOINT_URL_ECS";

    /** A task as DescribeTasks shows it. */
    record TaskState(String arn, String lastStatus, Task task) {
        String id() {
            return arn.substring(arn.lastIndexOf('/') + 1);
        }
    }

    private final Function<String, String> environment;
    private final SecretMask secrets;
    private final Map<String, EcsClient> clients = new ConcurrentHashMap<>();

    EcsTasks(Function<String, String> environment, SecretMask secrets) {
        this.environment = environment;
        this.secrets = secrets;
    }

    String region(Action.Ecs action) {
        return action.region() != null ? action.region() : environment.apply(REGION);
    }

    /** Where requests go: the endpoint override, or ECS's own address in the region. */
    String endpoint(Action.Ecs action) {
        String override = environment.apply(ENDPOINT);
        return override != null ? override : "https://ecs." + region(action) + ".amazonaws.com";
    }

    /** The RunTask request for this action: the container's overrides rendered by {@code render}. */
    static RunTaskRequest request(Action.Ecs action, Function<Template, String> render) {
        ContainerOverride.Builder container = ContainerOverride.builder().name(action.container());
        if (!action.command().isEmpty()) container.command(action.command().stream().map(render).toList());
        if (!action.environment().isEmpty()) {
            container.environment(action.environment().entrySet().stream()
                    .map(e -> KeyValuePair.builder().name(e.getKey()).value(render.apply(e.getValue())).build()).toList());
        }
        RunTaskRequest.Builder request = RunTaskRequest.builder().cluster(action.cluster()).taskDefinition(action.taskDefinition())
                .count(1).startedBy("capstan").overrides(TaskOverride.builder().containerOverrides(container.build()).build());
        if (action.launchType() != null) request.launchType(action.launchType());
        if (!action.subnets().isEmpty()) {
            request.networkConfiguration(NetworkConfiguration.builder().awsvpcConfiguration(AwsVpcConfiguration.builder()
                    .subnets(action.subnets()).securityGroups(action.securityGroups())
                    .assignPublicIp(action.publicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED).build()).build());
        }
        return request.build();
    }

    /** Starts the task; its ARN, or a permanent failure with ECS's reasons when it placed none. */
    String run(Action.Ecs action, RunTaskRequest request) {
        RunTaskResponse response = call(action, "RunTask", () -> client(action).runTask(request));
        if (!response.tasks().isEmpty()) return response.tasks().get(0).taskArn();
        String reasons = response.failures().isEmpty() ? "no reason given" : String.join("; ", response.failures().stream()
                .map(f -> f.reason() + (f.detail() == null ? "" : " (" + f.detail() + ")")).toList());
        throw new PermanentFailure("ECS started no task: " + secrets.mask(reasons));
    }

    /** The task now; empty when ECS no longer knows it. */
    Optional<TaskState> describe(Action.Ecs action, String taskArn) {
        var response = call(action, "DescribeTasks", () -> client(action).describeTasks(r -> r.cluster(action.cluster()).tasks(taskArn)));
        return response.tasks().stream().findFirst().map(t -> new TaskState(t.taskArn(), t.lastStatus(), t));
    }

    /** The CloudWatch console's page of the container's log stream (awslogs driver), or null when it logs elsewhere. */
    String logLink(Action.Ecs action, TaskState state) {
        var definition = call(action, "DescribeTaskDefinition",
                () -> client(action).describeTaskDefinition(r -> r.taskDefinition(state.task().taskDefinitionArn()))).taskDefinition();
        Optional<ContainerDefinition> container = definition.containerDefinitions().stream()
                .filter(c -> c.name().equals(action.container())).findFirst();
        if (container.isEmpty() || container.get().logConfiguration() == null
                || !"awslogs".equals(container.get().logConfiguration().logDriverAsString())) {
            return null;
        }
        Map<String, String> options = container.get().logConfiguration().options();
        String group = options.get("awslogs-group");
        String prefix = options.get("awslogs-stream-prefix");
        if (group == null || prefix == null) return null;
        String region = options.getOrDefault("awslogs-region", region(action));
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region + "#logsV2:log-groups/log-group/"
                + console(group) + "/log-events/" + console(prefix + "/" + action.container() + "/" + state.id());
    }

    /** The console's fragment encoding: percent-encoded, then each '%' written "$25". */
    private static String console(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%", "$25");
    }

    private <T> T call(Action.Ecs action, String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (EcsException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode() + ": ";
            String message = "ECS refused " + operation + " (" + e.statusCode() + "): " + code + secrets.mask(
                    e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
            if (e.statusCode() >= 500 || e.isThrottlingException()) throw new TransientFailure(message, null);
            throw new PermanentFailure(message);
        } catch (SdkClientException e) {
            throw new TransientFailure("ECS did not answer " + operation + " at " + endpoint(action) + ": " + secrets.mask(e.getMessage()), null);
        } catch (SdkException e) {
            throw new PermanentFailure("ECS " + operation + " failed: " + secrets.mask(e.getMessage()));
        }
    }

    private EcsClient client(Action.Ecs action) {
        String region = region(action);
        if (region == null) throw new PermanentFailure("the ecs action needs `region` or " + REGION);
        return clients.computeIfAbsent(region, r -> {
            var builder = EcsClient.builder().region(Region.of(r)).credentialsProvider(credentials())
                    .httpClient(UrlConnectionHttpClient.builder().build());
            String override = environment.apply(ENDPOINT);
            if (override != null) builder.endpointOverride(URI.create(override));
            return builder.build();
        });
    }

    private AwsCredentialsProvider credentials() {
        String id = environment.apply("AWS_ACCESS_KEY_ID");
        String secret = environment.apply("AWS_SECRET_ACCESS_KEY");
        if (id != null && secret != null) {
            secrets.add(secret);
            String session = environment.apply("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(session == null ? AwsBasicCredentials.create(id, secret)
                    : software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(id, secret, session));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public void close() {
        clients.values().forEach(EcsClient::close);
    }

    /** The words of a task's stop, for the message: ECS's stopped reason, or its stop code. */
    static String stopped(Task task) {
        if (task.stoppedReason() != null) return task.stoppedReason();
        return task.stopCodeAsString() == null ? "" : task.stopCodeAsString();
    }
}
