package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.BOB;
import static dev.capstan.features.deploy.DeployFixture.SHA_MAIN;
import static dev.capstan.features.deploy.DeployFixture.SHA_RELEASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.Await;
import dev.capstan.support.FakeGitHubRepos;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestClock;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * GitHub's 409 for required checks: a check in failure ends the request at once, naming it; pending checks make it wait
 * without holding the environment, meet the rules again before it starts, and expire after `checks_timeout`.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class DeployChecksConversationsTest {
    static final String YAML = """
            families:
              deploy:
                poll_interval: 150ms
                environments:
                  staging: { refs: ["*"] }
                  production: { refs: ["*"], required_contexts: ["ci/test", "security/snyk-scan"] }
                  qa: { refs: ["*"], required_contexts: ["ci/test"], checks_timeout: 10m }
            """;

    @Parameter
    TestDatabases.Kind database;
    DeployFixture fx;

    @BeforeParameterizedClassInvocation
    void start() {
        fx = new DeployFixture(database, YAML, new TestClock(DeployFixture.WEDNESDAY));
    }

    @AfterParameterizedClassInvocation
    void stop() {
        fx.close();
    }

    @BeforeEach
    void wednesday() {
        fx.clock.set(DeployFixture.WEDNESDAY);
    }

    private String dm(String user, String saying) {
        return Await.until(() -> fx.app.slack().calls("chat.postMessage").stream().filter(c -> user.equals(c.arg("channel")))
                .map(c -> c.arg("text")).filter(t -> t != null && t.contains(saying)).findFirst().orElse(null), t -> t != null,
                Duration.ofSeconds(20), "a DM to " + user + " saying " + saying);
    }

    /** A commit status event for {@code sha}; returns Capstan's answer. */
    private String status(DeployFixture.Project p, String delivery, String sha, String context, String state) {
        return fx.gitHubEvent("status", delivery, "{\"sha\":\"" + sha + "\",\"state\":\"" + state + "\",\"context\":\"" + context + "\","
                + p.repository() + "}").body();
    }

    /** The deployment's state as stored. */
    private String stateOf(long id) {
        return fx.app.capstan().database().jdbi().withHandle(h -> h.createQuery("select state from deploy_deployments where id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    /** Waits until the job enqueued once under {@code key} has run to its end. */
    private void awaitJob(String key) {
        Await.until(() -> fx.app.capstan().database().jdbi().withHandle(h -> h.createQuery(
                        "select count(*) from audit_log where job_id = :job and outcome = 'done'")
                .bind("job", key).mapTo(Integer.class).one()), n -> n >= 1, Duration.ofSeconds(20), "job " + key);
    }

    @Test
    void aCheckInFailureEndsTheRequestAtOnceNamingItAndNothingWasDeployed() {
        DeployFixture.Project p = fx.project();
        fx.repos.check(p.repo(), SHA_MAIN, "ci/test", "success").check(p.repo(), SHA_MAIN, "security/snyk-scan", "failure");
        long id = p.deploy(ALICE, "/deploy main to production");
        String message = fx.awaitState(id, "refused");
        assertThat(message).contains("required checks failed: `security/snyk-scan` (failure)", "Nothing was deployed").doesNotContain("ci/test");
        assertThat(dm(ALICE, "Your deployment of `main` to `production` in `" + p.repo() + "`")).contains("refused", "`security/snyk-scan` (failure)",
                "Nothing was deployed");
        assertThat(fx.gitHubDeployments(p.repo())).isEmpty();
        assertThat(p.run(BOB, "/deploy status production").text()).contains("next deployment: nothing stands in the way");
    }

    @Test
    void aRequestWaitingForPendingChecksLetsOthersDeployAndStartsOnceTheyPassAndTheEnvironmentIsFree() {
        DeployFixture.Project p = fx.project();
        fx.repos.check(p.repo(), SHA_MAIN, "ci/test", "pending").check(p.repo(), SHA_MAIN, "security/snyk-scan", "success");
        long waiting = p.deploy(ALICE, "/deploy main to production");
        assertThat(fx.awaitState(waiting, "waiting for checks")).contains("Waiting for `ci/test` (pending) to pass",
                "it does not hold `production` meanwhile").doesNotContain("snyk");
        assertThat(p.run(BOB, "/deploy status production").text()).contains("next deployment: nothing stands in the way",
                "waiting for checks, not holding `production`: deployment #" + waiting + " of `main` by <@" + ALICE + ">");

        fx.repos.check(p.repo(), SHA_RELEASE, "ci/test", "success").check(p.repo(), SHA_RELEASE, "security/snyk-scan", "success");
        long bobs = p.deploy(BOB, "/deploy release/1.2 to production");
        fx.awaitState(bobs, "created on GitHub");

        fx.repos.check(p.repo(), SHA_MAIN, "ci/test", "success");
        String delivery = UUID.randomUUID().toString();
        assertThat(status(p, delivery, SHA_MAIN, "ci/test", "success")).contains("retrying 1 waiting deployment");
        awaitJob("deploy-create-" + waiting + "-" + delivery);
        assertThat(fx.gitHubDeployments(p.repo())).hasSize(1);
        assertThat(fx.message(waiting)).contains("waiting for checks");

        var bobsOnGitHub = fx.gitHubDeployment(bobs);
        fx.gitHubEvent("deployment_status", p.deploymentStatus(bobsOnGitHub.id(), bobsOnGitHub.sha(), bobs, "success", null));
        fx.awaitState(waiting, "created on GitHub");
        assertThat(fx.gitHubDeployment(waiting).sha()).isEqualTo(SHA_MAIN);
        assertThat(fx.gitHubDeployments(p.repo())).extracting(FakeGitHubRepos.FakeDeployment::sha).containsExactly(SHA_RELEASE, SHA_MAIN);
    }

    @Test
    void aRequestWaitingForChecksMeetsTheRulesAgainBeforeItStarts() {
        DeployFixture.Project p = fx.project();
        fx.repos.check(p.repo(), SHA_MAIN, "ci/test", "pending");
        long waiting = p.deploy(ALICE, "/deploy main to qa");
        fx.awaitState(waiting, "waiting for checks");
        assertThat(p.run(BOB, "/deploy lock qa release testing").text()).contains("locked");

        fx.repos.check(p.repo(), SHA_MAIN, "ci/test", "success");
        status(p, UUID.randomUUID().toString(), SHA_MAIN, "ci/test", "success");
        assertThat(fx.awaitState(waiting, "refused")).contains("Its checks passed, but it did not start: :lock: `qa` is locked by <@" + BOB + ">",
                "release testing", "Nothing was deployed");
        assertThat(dm(ALICE, "Your deployment of `main` to `qa` in `" + p.repo() + "`")).contains("did not start", "locked by <@" + BOB + ">");
        assertThat(fx.gitHubDeployments(p.repo())).isEmpty();
    }

    @Test
    void aRequestStillWaitingForChecksAtTheEnvironmentsChecksTimeoutExpiresAndItsRequesterIsTold() {
        DeployFixture.Project p = fx.project();
        fx.repos.check(p.repo(), SHA_MAIN, "ci/test", "pending");
        long waiting = p.deploy(ALICE, "/deploy main to qa");
        assertThat(fx.awaitState(waiting, "waiting for checks")).contains("expires <!date^"
                + DeployFixture.WEDNESDAY.plus(Duration.ofMinutes(10)).getEpochSecond());
        fx.clock.advance(Duration.ofMinutes(9));
        fx.app.runDueJobs();
        assertThat(stateOf(waiting)).isEqualTo("WAITING");
        fx.clock.advance(Duration.ofMinutes(2));
        fx.app.runDueJobs();
        assertThat(stateOf(waiting)).isEqualTo("EXPIRED");
        assertThat(fx.awaitState(waiting, "expired")).contains("still not all green", "Nothing was deployed");
        assertThat(dm(ALICE, "Your deployment of `main` to `qa` in `" + p.repo() + "`")).contains("expired", "Nothing was deployed");

        fx.repos.check(p.repo(), SHA_MAIN, "ci/test", "success");
        assertThat(status(p, UUID.randomUUID().toString(), SHA_MAIN, "ci/test", "success")).contains("no deployment waits");
        assertThat(fx.gitHubDeployments(p.repo())).isEmpty();
    }
}
