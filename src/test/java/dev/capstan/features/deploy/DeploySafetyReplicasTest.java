package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ADMIN;
import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.BOB;
import static dev.capstan.features.deploy.DeployFixture.CAROL;
import static dev.capstan.features.deploy.DeployFixture.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.security.Hmac;
import dev.capstan.support.Await;
import dev.capstan.support.Simultaneously;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two replicas on one PostgreSQL, on a fixed clock: approvers clicking at once start one deployment; a queue survives a restart. */
class DeploySafetyReplicasTest {

    /** Both approvers click Approve at the same moment, one on each replica; returns what each was told. */
    private static List<String> approveAtOnce(DeployFixture fx, TestApp second, DeployFixture.Project p, long request, String first, String other) {
        SlashReply.Button approve = fx.cardButton(request, "Approve");
        List<SlashReply> acks = Simultaneously.run(2, i -> (i == 0 ? fx.app : second).as(i == 0 ? first : other).in(p.channel()).click(approve));
        return acks.stream().map(ack -> fx.app.slack().awaitPosts(ack.responseUrl(), 1).get(0).allText()).toList();
    }

    @Test
    void twoApproversClickingAtTheSameMomentOnTwoReplicasCreateExactlyOneDeployment() {
        try (DeployFixture fx = DeployFixture.withPolicy(TestDatabases.Kind.POSTGRES)) {
            TestApp second = fx.another(fx.app);
            try {
                DeployFixture.Project p = fx.project();
                for (int round = 0; round < 5; round++) {
                    long request = p.request(ALICE, "/deploy v1.0.0 to production");
                    List<String> told = approveAtOnce(fx, second, p, request, LEAD, ADMIN);
                    assertThat(told).as("round " + round).filteredOn(t -> t.contains("Approved. Deployment #")).hasSize(1);
                    assertThat(told).as("round " + round).filteredOn(t -> t.contains("This was already approved by")).hasSize(1);
                    int created = round + 1;
                    Await.until(() -> fx.gitHubDeployments(p.repo()).size(), n -> n >= created, Duration.ofSeconds(20), "round " + round + " at GitHub");
                    assertThat(p.run(ADMIN, "/deploy unlock production --force").text()).contains("freed `production`");
                }
                assertThat(p.run(ALICE, "/deploy list production --limit 50").text().lines().filter(l -> l.startsWith("•"))).hasSize(5);
                assertThat(fx.gitHubDeployments(p.repo())).hasSize(5);

                for (int round = 0; round < 3; round++) {
                    long request = p.request(BOB, "/deploy main to qa");
                    List<String> told = approveAtOnce(fx, second, p, request, LEAD, CAROL);
                    assertThat(told).as("qa round " + round).filteredOn(t -> t.contains("Approved. Deployment #")).hasSize(1);
                    assertThat(told).as("qa round " + round).filteredOn(t -> t.contains("Your approval is counted")).hasSize(1);
                    assertThat(p.run(ADMIN, "/deploy unlock qa --force").text()).contains("freed `qa`");
                }
                assertThat(p.run(ALICE, "/deploy list qa --limit 50").text().lines().filter(l -> l.startsWith("•"))).hasSize(3);
            } finally {
                second.close();
            }
        }
    }

    @Test
    void aQueuedRequestStartsOnAnotherReplicaWhenTheEnvironmentFreesUpAfterARestart() {
        try (DeployFixture fx = DeployFixture.withPolicy(TestDatabases.Kind.POSTGRES)) {
            DeployFixture.Project p = fx.project();
            TestApp other = fx.another(fx.app);
            try {
                long first = p.deploy(ALICE, "/deploy main to staging");
                long githubId = fx.gitHubDeployment(first).id();
                assertThat(p.run(BOB, "/deploy feature/Login-Page to staging").text()).contains("queued, #1 in line");
                fx.app.close();
                String body = p.deploymentStatus(githubId, first, "success", null);
                assertThat(other.rawPost("/github/webhook", body, "application/json", Map.of("X-GitHub-Event", "deployment_status",
                        "X-GitHub-Delivery", "after-restart-1", "X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(DeployFixture.GITHUB_SECRET, body)))
                        .status()).isEqualTo(200);
                String turn = Await.until(() -> other.slack().calls("chat.postMessage").stream().filter(c -> BOB.equals(c.arg("channel")))
                        .map(c -> c.arg("text")).filter(t -> t.contains("Your turn")).findFirst().orElse(null), t -> t != null,
                        Duration.ofSeconds(20), "Bob's turn");
                assertThat(turn).contains("`feature/Login-Page` to `staging` started");
                assertThat(other.as(ALICE).in(p.channel()).run("/deploy list staging").text().lines().filter(l -> l.startsWith("•"))).hasSize(2);
            } finally {
                other.close();
            }
        }
    }
}
