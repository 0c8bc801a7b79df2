package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.BOB;
import static dev.capstan.features.deploy.DeployFixture.SHA_MAIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.Await;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Automatic deployments from GitHub's push and pull_request events, and GitHub's refusals translated into sentences. */
@OnEveryDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployFromGitHubTest {
    @Parameter
    TestDatabases.Kind database;
    static final String YAML = DeployFixture.ISSUE_YAML.replace("      preview-gha:",
            "      checked: { refs: [\"*\"], required_contexts: [\"ci/test\", \"lint\"] }\n      preview-gha:");
    DeployFixture fx;

    @BeforeParameterizedClassInvocation
    void start() {
        fx = new DeployFixture(database, YAML);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        fx.close();
    }

    private static String push(DeployFixture.Project p, String ref, String sha, String author, boolean deleted) {
        return "{\"ref\":\"" + ref + "\",\"before\":\"0000000000000000000000000000000000000000\",\"after\":\"" + sha + "\",\"deleted\":" + deleted
                + ",\"head_commit\":" + (deleted ? "null" : "{\"id\":\"" + sha + "\",\"message\":\"m\",\"author\":{\"name\":\"A\",\"username\":\"" + author + "\"}}")
                + ",\"pusher\":{\"name\":\"" + author + "\"}," + p.repository() + "}";
    }

    private static String pullRequest(DeployFixture.Project p, String action, int number) {
        return "{\"action\":\"" + action + "\",\"number\":" + number + ",\"pull_request\":{\"number\":" + number + ",\"head\":{\"ref\":\"feature/Login-Page\","
                + "\"sha\":\"3333333333333333333333333333333333333333\",\"user\":{\"login\":\"bob-gh\"},\"repo\":{\"full_name\":\"" + p.repo() + "\"}}},"
                + p.repository() + "}";
    }

    private long startedIn(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("started deployment #(\\d+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aPushToMainDeploysPreviewAsThePusherWhenCapstanKnowsThem() {
        DeployFixture.Project p = fx.project();
        assertThat(p.slow("UPUSHER01", "/deploy hello alice-gh")).contains("Thanks");
        String answer = fx.gitHubEvent("push", push(p, "refs/heads/main", SHA_MAIN, "alice-gh", false)).body();
        long id = startedIn(answer);
        fx.awaitState(id, "created on GitHub");
        assertThat(fx.message(id)).contains("<@UPUSHER01> (push)", "`main` (`2222222`)", "`preview`");
    }

    @Test
    void aTagPushDeploysProductionAndOtherPushesDeployNothing() {
        DeployFixture.Project p = fx.project();
        long id = startedIn(fx.gitHubEvent("push", push(p, "refs/tags/v1.0.0", DeployFixture.SHA_V1, "nobody-gh", false)).body());
        assertThat(fx.awaitState(id, "queued")).contains("`nobody-gh` (GitHub) (push)", "`production`");
        assertThat(fx.gitHubEvent("push", push(p, "refs/heads/feature/x", SHA_MAIN, "a", false)).body()).contains("no environment deploys feature/x");
        assertThat(fx.gitHubEvent("push", push(p, "refs/tags/v1.0.0", DeployFixture.SHA_V1, "a", true)).body()).contains("ignored: a deletion");
        assertThat(fx.gitHubEvent("push", push(new DeployFixture.Project(fx, "other/repo", "CNONE0001"), "refs/heads/main", SHA_MAIN, "a", false))
                .body()).contains("not set up");
    }

    @Test
    void anOpenedOrUpdatedPullRequestDeploysItsOwnEnvironmentAndAClosedOneNothing() {
        DeployFixture.Project p = fx.project();
        long id = startedIn(fx.gitHubEvent("pull_request", pullRequest(p, "opened", 42)).body());
        fx.awaitState(id, "created on GitHub");
        var request = fx.gitHubDeployment(id).request();
        assertThat(request.path("environment").asText()).isEqualTo("pr42");
        assertThat(request.path("transient_environment").asBoolean()).isTrue();
        assertThat(fx.message(id)).contains("pull request #42");
        assertThat(fx.gitHubEvent("pull_request", pullRequest(p, "closed", 42)).body()).contains("ignored: pull request closed");
    }

    @Test
    void aLockBlocksAutomaticDeploymentsEvenForItsHolderWhoIsTold() {
        DeployFixture.Project p = fx.project();
        assertThat(p.slow("ULOCKER01", "/deploy hello bob-gh")).contains("Thanks");
        p.run("ULOCKER01", "/deploy lock preview demo");
        String answer = fx.gitHubEvent("push", push(p, "refs/heads/main", SHA_MAIN, "bob-gh", false)).body();
        assertThat(answer).contains("not started to preview", "locked by <@ULOCKER01>");
        assertThat(fx.app.slack().awaitDms("ULOCKER01", 1).get(0).arg("text")).contains("Your lock on `preview`", "blocked an automatic deployment of `main`");
        assertThat(fx.app.slack().awaitMessages(c -> p.channel().equals(c.arg("channel")) && c.arg("text").contains("did not start"), 1))
                .isNotEmpty();
    }

    @Test
    void failingRequiredChecksMakeTheDeploymentWaitAndAGreenStatusStartsIt() {
        DeployFixture.Project p = fx.project();
        fx.repos.check(p.repo(), SHA_MAIN, "ci/test", "pending").check(p.repo(), SHA_MAIN, "lint", "success");
        long id = p.deploy(ALICE, "/deploy main to checked");
        assertThat(fx.awaitState(id, "waiting for checks")).contains("`ci/test` (pending)");
        assertThat(p.run(BOB, "/deploy status checked").text()).contains("waiting for checks", "`ci/test` (pending)").contains("deployment #" + id);
        fx.repos.check(p.repo(), SHA_MAIN, "ci/test", "success");
        String status = "{\"sha\":\"" + SHA_MAIN + "\",\"state\":\"success\",\"context\":\"ci/test\"," + p.repository() + "}";
        assertThat(fx.gitHubEvent("status", status).body()).contains("retrying 1 waiting deployment");
        fx.awaitState(id, "created on GitHub");
        assertThat(fx.gitHubDeployment(id).request().path("required_contexts").toString()).isEqualTo("[\"ci/test\",\"lint\"]");
    }

    @Test
    void aFailedCheckEndsAWaitingDeploymentNamingTheCheck() {
        DeployFixture.Project p = fx.project();
        fx.repos.check(p.repo(), SHA_MAIN, "ci/test", "pending");
        long id = p.deploy(ALICE, "/deploy main to checked");
        fx.awaitState(id, "waiting for checks");
        String status = "{\"sha\":\"" + SHA_MAIN + "\",\"state\":\"failure\",\"context\":\"ci/test\",\"target_url\":\"https://ci.example.com/7\"," + p.repository() + "}";
        assertThat(fx.gitHubEvent("status", status).body()).contains("ended 1 waiting deployment");
        assertThat(fx.awaitState(id, "failed")).contains("The required check `ci/test` failure");
    }

    @Test
    void gitHubsOtherRefusalsAreTranslatedAndFreeTheEnvironment() {
        DeployFixture.Project p = fx.project();
        long noRef = p.deploy(ALICE, "/deploy does-not-exist to staging");
        assertThat(fx.awaitState(noRef, "refused")).contains("GitHub has no branch or tag `does-not-exist` in `" + p.repo() + "`");
        fx.repos.mergeOnNextDeployment();
        long merged = p.deploy(ALICE, "/deploy main to staging");
        assertThat(fx.awaitState(merged, "refused")).contains("wanted to merge the default branch into `main`");
        assertThat(fx.app.slack().awaitDms(ALICE, 2)).anySatisfy(dm -> assertThat(dm.arg("text")).contains("refused"));
        fx.github.failNext("POST", "/repos/" + p.repo() + "/deployments", 404, "Not Found");
        long hidden = p.deploy(BOB, "/deploy main to staging");
        assertThat(fx.awaitState(hidden, "refused")).contains("the GitHub App cannot see `" + p.repo() + "`");
    }

    @Test
    void aDeploymentCreatedElsewhereInABoundRepositoryGetsAMessageToo() {
        DeployFixture.Project p = fx.project();
        String body = "{\"action\":\"created\",\"deployment\":{\"id\":9900" + p.repo().length() + ",\"sha\":\"" + SHA_MAIN
                + "\",\"ref\":\"main\",\"environment\":\"qa\",\"creator\":{\"login\":\"carol\"},\"payload\":{}}," + p.repository() + "}";
        String answer = fx.gitHubEvent("deployment", body).body();
        assertThat(answer).contains("adopted as deployment #");
        long id = Long.parseLong(answer.replaceAll(".*#(\\d+).*", "$1"));
        assertThat(Await.until(() -> fx.message(id), m -> !m.isEmpty(), Duration.ofSeconds(20), "the adopted message"))
                .contains("`qa`", "`carol` (GitHub) (github)");
    }
}
