package dev.capstan.features.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.support.FakeCdn;
import dev.capstan.support.FakeEcs;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlackUser;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * A declared command that runs an ECS task, against a local ECS speaking the JSON 1.1 protocol: RunTask with the
 * container's overrides from templates, DescribeTasks by Capstan's clock (every poll_every) until STOPPED, and exit code,
 * duration and log link in one message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class EcsActionConversationsTest {
    static final String API_KEY = "report-api-key-9d8c7b";
    static final Duration POLL_EVERY = Duration.ofSeconds(30);
    static final String YAML = """
            families:
              commands:
                poll_every: 30s
                watch_every: 100ms
            commands:
              - name: report
                description: Build a client's report on ECS
                args: [ { name: client, type: string, pattern: "^[a-z0-9-]+$" } ]
                options: [ { name: exit, type: integer, min: 0, max: 9, default: 0 } ]
                action:
                  ecs:
                    cluster: ops
                    task_definition: report-runner
                    container: runner
                    command: ["python", "report.py", "--client", "{{client}}", "exit={{exit}}"]
                    environment: { CLIENT: "{{client}}", REPORT_API_KEY: "${secret:REPORT_API_KEY}" }
                    launch_type: FARGATE
                    subnets: [subnet-0abc]
                    security_groups: [sg-0abc]
                    region: eu-west-1
                  timeout: 10m
              - name: elsewhere
                description: A task in a cluster ECS does not have
                action:
                  ecs: { cluster: nowhere, task_definition: report-runner, container: runner }
            """;

    @Parameter
    TestDatabases.Kind database;
    FakeEcs ecs;
    TestApp app;

    @BeforeParameterizedClassInvocation
    void start() {
        ecs = new FakeEcs();
        app = TestApp.on(database).admins(Declared.ADMIN).yaml(YAML).feature(new DeclaredCommands())
                .env("AWS_ENDPOINT_URL_ECS", ecs.url()).env("AWS_REGION", "eu-west-1")
                .env("AWS_ACCESS_KEY_ID", "AKIDCAPSTANTEST").env("AWS_SECRET_ACCESS_KEY", "aws-secret-access-key-0123")
                .env("REPORT_API_KEY", API_KEY).start();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        app.closeAll();
        ecs.close();
    }

    private SlackUser alice() {
        return app.as("U0ALICE001").in("CGENERAL").freshTriggers();
    }

    private long describeTasks() {
        return ecs.received().stream().filter(r -> (FakeEcs.TARGET + "DescribeTasks").equals(r.header("X-Amz-Target"))).count();
    }

    /** Capstan's clock passes poll_every three times: the fake ECS answers RUNNING, RUNNING, then STOPPED. */
    private void theTaskRunsForAMinuteAndAHalf() {
        for (int poll = 0; poll < 3; poll++) {
            app.clock().advance(POLL_EVERY);
            app.runDueJobs();
        }
    }

    private FakeCdn.Received runTask(String client) {
        return ecs.await(r -> (FakeEcs.TARGET + "RunTask").equals(r.header("X-Amz-Target")) && r.body().contains(client), 1).get(0);
    }

    @Test
    void aRunStartsTheTaskWithOverridesFromTemplatesAndShowsExitCodeDurationAndLogLinkInOneMessage() {
        assertThat(alice().run("/capstan report acme").text()).contains("Running `report`");

        FakeCdn.Received request = runTask("acme");
        assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDCAPSTANTEST/").contains("/eu-west-1/ecs/");
        JsonNode body = request.json();
        assertThat(body.path("cluster").asText()).isEqualTo("ops");
        assertThat(body.path("taskDefinition").asText()).isEqualTo("report-runner");
        assertThat(body.path("launchType").asText()).isEqualTo("FARGATE");
        assertThat(body.path("networkConfiguration").path("awsvpcConfiguration").path("subnets").toString()).isEqualTo("[\"subnet-0abc\"]");
        JsonNode override = body.path("overrides").path("containerOverrides").path(0);
        assertThat(override.path("name").asText()).isEqualTo("runner");
        assertThat(override.path("command").toString()).isEqualTo("[\"python\",\"report.py\",\"--client\",\"acme\",\"exit=0\"]");
        assertThat(override.path("environment").toString()).contains("{\"name\":\"CLIENT\",\"value\":\"acme\"}")
                .contains("{\"name\":\"REPORT_API_KEY\",\"value\":\"" + API_KEY + "\"}");

        Declared.awaitMessage(app.slack(), "report acme` · <@U0ALICE001> · :arrow_forward: ECS task `0f");
        app.awaitJobsDone();
        long asked = describeTasks();
        app.runDueJobs();
        assertThat(describeTasks()).as("nothing asks ECS before Capstan's clock passes poll_every").isEqualTo(asked);

        theTaskRunsForAMinuteAndAHalf();

        assertThat(describeTasks()).isEqualTo(asked + 3);
        String message = Declared.awaitMessage(app.slack(), "report acme` · <@U0ALICE001> · :white_check_mark: exit code 0 in");
        assertThat(message).contains("Exit code 0 in 42s")
                .contains("https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/"
                        + "$252Fecs$252Freport/log-events/ecs$252Frunner$252F0f")
                .doesNotContain(API_KEY);
        assertThat(app.slack().calls("chat.update").stream().filter(c -> c.arg("text").contains("report acme"))).isNotEmpty();
    }

    @Test
    void aNonZeroExitCodeIsAFailureThatSaysWhyTheTaskStopped() {
        alice().run("/capstan report globex --exit 3");
        runTask("globex");
        app.awaitJobsDone();

        theTaskRunsForAMinuteAndAHalf();

        String message = Declared.awaitMessage(app.slack(), "report globex --exit 3` · <@U0ALICE001> · :x: exit code 3 in");
        assertThat(message).contains("Exit code 3 in 42s").contains("logs of task 0f");
    }

    @Test
    void aClusterEcsDoesNotHaveFailsTheRunWithEcsWords() {
        alice().run("/capstan elsewhere");

        assertThat(Declared.awaitMessage(app.slack(), "`/capstan elsewhere` failed")).contains("ECS refused RunTask (400): ClusterNotFoundException")
                .contains("Cluster not found.");
    }

    @Test
    void aDryRunShowsTheRunTaskRequestWithSecretsAsPlaceholdersAndStartsNothing() {
        long before = ecs.received().size();

        String reply = alice().run("/capstan report initech --dry-run").text();

        assertThat(reply).contains("X-Amz-Target: AmazonEC2ContainerServiceV20141113.RunTask").contains("\"initech\"")
                .contains("[secret REPORT_API_KEY]").contains("follows the ECS task until it stopped, for up to 10m")
                .doesNotContain(API_KEY);
        assertThat(ecs.received()).hasSize((int) before);
    }
}
