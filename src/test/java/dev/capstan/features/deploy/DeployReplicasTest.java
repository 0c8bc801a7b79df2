package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ADMIN;
import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.Await;
import dev.capstan.support.FakeJenkinsQueue;
import dev.capstan.support.Simultaneously;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several replicas on one PostgreSQL: the database lets one deployment per environment start, and a restart loses no build. */
class DeployReplicasTest {
    @Test
    void twoPeopleOnTwoReplicasDeployingOneEnvironmentAtOnceStartExactlyOneDeployment() {
        try (DeployFixture fx = new DeployFixture(TestDatabases.Kind.POSTGRES)) {
            TestApp second = fx.another(fx.app);
            try {
                DeployFixture.Project p = fx.project();
                for (int round = 0; round < 5; round++) {
                    List<SlashReply> replies = Simultaneously.run(2, i -> (i == 0 ? fx.app : second).as(i == 0 ? ALICE : BOB)
                            .in(p.channel()).run("/deploy main to preview"));
                    assertThat(replies).as("round " + round).filteredOn(r -> r.text().startsWith(":rocket: Deployment #")).hasSize(1);
                    assertThat(replies).as("round " + round).filteredOn(r -> r.text().contains("is deploying `main` to `preview`")).hasSize(1);
                    assertThat(p.run(ADMIN, "/deploy unlock preview --force").text()).contains("freed `preview`");
                }
                assertThat(p.run(ALICE, "/deploy list preview --limit 50").text().split("\n")).hasSize(1 + 5);
            } finally {
                second.close();
            }
        }
    }

    @Test
    void aPersonAndAWebhookOnTwoReplicasRacingForOneEnvironmentStartOneDeployment() {
        try (DeployFixture fx = new DeployFixture(TestDatabases.Kind.POSTGRES)) {
            TestApp second = fx.another(fx.app);
            try {
                DeployFixture.Project p = fx.project();
                String push = "{\"ref\":\"refs/heads/main\",\"after\":\"" + DeployFixture.SHA_MAIN + "\",\"deleted\":false,\"head_commit\":{\"id\":\""
                        + DeployFixture.SHA_MAIN + "\",\"author\":{\"username\":\"carol\"}},\"pusher\":{\"name\":\"carol\"}," + p.repository() + "}";
                List<String> answers = Simultaneously.run(2, i -> i == 0 ? p.run(ALICE, "/deploy main to preview").text()
                        : second.rawPost("/github/webhook", push, "application/json", java.util.Map.of("X-GitHub-Event", "push",
                        "X-GitHub-Delivery", "race-1", "X-Hub-Signature-256", "sha256="
                                + dev.capstan.security.Hmac.sha256Hex(DeployFixture.GITHUB_SECRET, push))).body());
                long started = answers.stream().filter(a -> a.startsWith(":rocket:") || a.startsWith("started deployment")).count();
                assertThat(started).as(answers.toString()).isEqualTo(1);
                assertThat(p.run(ALICE, "/deploy list preview").text().split("\n")).hasSize(2);
            } finally {
                second.close();
            }
        }
    }

    @Test
    void aJenkinsBuildStartedBeforeARestartIsFollowedToItsEndByTheNextCapstan() {
        try (DeployFixture fx = new DeployFixture(TestDatabases.Kind.POSTGRES)) {
            DeployFixture.Project p = fx.project();
            TestApp keeper = fx.another(fx.app);
            long id = p.deploy(ALICE, "/deploy v1.0.0 to production");
            FakeJenkinsQueue.Queued queued = Await.until(() -> fx.jenkins.queued().isEmpty() ? null : fx.jenkins.queued().get(0),
                    q -> q != null, Duration.ofSeconds(20), "the queue item");
            fx.awaitState(id, "queued");
            fx.app.close();
            keeper.close();
            int build = fx.jenkins.start(queued.queueId());
            fx.jenkins.finish(build, "SUCCESS");
            TestApp restarted = fx.another(fx.app);
            try {
                assertThat(fx.awaitState(id, "succeeded")).contains("/job/deploy/job/web/" + build + "/");
                assertThat(fx.calls(id)).filteredOn(c -> c.method().equals("chat.postMessage")).hasSize(1);
                assertThat(Await.until(() -> fx.gitHubDeployment(id).states(), states -> states.contains("success"),
                        Duration.ofSeconds(20), "GitHub's success status")).contains("queued", "in_progress", "success");
            } finally {
                restarted.close();
            }
        }
    }
}
