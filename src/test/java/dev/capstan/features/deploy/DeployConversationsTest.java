package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ADMIN;
import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.BOB;
import static dev.capstan.features.deploy.DeployFixture.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.Await;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** `deploy <ref> to <env>` and its refusals, locks, status, list and help, reached as /deploy, /cimon and /capstan deploy. */
@OnEveryDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployConversationsTest {
    @Parameter
    TestDatabases.Kind database;
    DeployFixture fx;

    @BeforeParameterizedClassInvocation
    void start() {
        fx = new DeployFixture(database);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        fx.close();
    }

    @Test
    void aDeploymentIsAnsweredAtOnceAndGetsOneMessageInTheChannelThatUpdatesItself() {
        DeployFixture.Project p = fx.project();
        SlashReply reply = p.run(ALICE, "/deploy main to preview");
        assertThat(reply.text()).contains("Deployment #", "of `main` to `preview` requested");
        long id = p.deploy(BOB, "/deploy feature/Login-Page to staging");
        fx.awaitState(id, "queued");
        assertThat(fx.calls(id)).first().satisfies(first -> {
            assertThat(first.method()).isEqualTo("chat.postMessage");
            assertThat(first.arg("channel")).isEqualTo(p.channel());
        });
        assertThat(fx.calls(id).stream().skip(1)).allSatisfy(c -> assertThat(c.method()).isEqualTo("chat.update"));
        assertThat(fx.message(id)).contains("`feature/Login-Page` (`3333333`)", "`staging`", "<@" + BOB + ">", "CircleCI log");
        assertThat(fx.gitHubDeployment(id).request().path("ref").asText()).isEqualTo("refs/heads/feature/Login-Page");
    }

    @Test
    void theRefKeepsItsCaseAndATagBecomesRefsTags() {
        DeployFixture.Project p = fx.project();
        long tag = p.deploy(ALICE, "/deploy v1.0.0 to production");
        assertThat(fx.gitHubDeployment(tag).request().path("ref").asText()).isEqualTo("refs/tags/v1.0.0");
        long full = p.deploy(ALICE, "/deploy refs/heads/feature/Login-Page to preview-gha");
        assertThat(fx.gitHubDeployment(full).request().path("ref").asText()).isEqualTo("refs/heads/feature/Login-Page");
    }

    @Test
    void theGitHubDeploymentCarriesTheRequestAndNoAutoMerge() {
        DeployFixture.Project p = fx.project();
        fx.app.as(LEAD).in(p.channel()).run("/deploy set basedomain example.com");
        long id = p.deploy(ALICE, "/deploy deploy main to preview");
        var request = fx.gitHubDeployment(id).request();
        assertThat(request.path("auto_merge").asBoolean(true)).isFalse();
        assertThat(request.path("required_contexts").isArray()).isTrue();
        assertThat(request.path("required_contexts")).isEmpty();
        assertThat(request.path("environment").asText()).isEqualTo("preview");
        assertThat(request.path("payload").path("capstan_request_id").asLong()).isEqualTo(id);
        assertThat(request.path("payload").path("slack_user").asText()).isEqualTo(ALICE);
        assertThat(request.path("payload").path("environment_url").asText()).isEqualTo("https://preview.example.com/");
    }

    @Test
    void everyWayInReachesTheSameFamily() {
        DeployFixture.Project p = fx.project();
        assertThat(p.run(ALICE, "/cimon deploy main to preview").text()).contains("requested");
        assertThat(p.run(ALICE, "/capstan deploy release/1.2 to test").text()).contains("requested");
        assertThat(p.run(ALICE, "/capstan deploy deploy feature/Login-Page to staging").text()).contains("requested");
        assertThat(p.run(ALICE, "/cimon list").text()).contains("`main`", "`release/1.2`", "`feature/Login-Page`");
    }

    @Test
    void aRefTheEnvironmentDoesNotTakeIsRefusedNamingTheRule() {
        DeployFixture.Project p = fx.project();
        assertThat(p.run(ALICE, "/deploy main to production").text())
                .contains("`production` is deployed only from `tags/v*`, `tags/[0-9]*`", "`main` is a branch");
        assertThat(p.run(ALICE, "/deploy v1.0.0 to preview").text()).contains("`preview` is deployed only from `main`, `master`", "is a tag");
        assertThat(p.run(ALICE, "/deploy feature/x to test").text()).contains("`release*`");
        assertThat(fx.repos.deployments()).noneMatch(d -> d.repository().equals(p.repo()));
    }

    @Test
    void badDeployInputGetsUsageAndChangesNothing() {
        DeployFixture.Project p = fx.project();
        assertThat(p.run(ALICE, "/deploy main preview").text()).contains("You must specify what and where to deploy");
        assertThat(p.run(ALICE, "/deploy main to").text()).contains("You must specify what and where to deploy");
        assertThat(p.run(ALICE, "/deploy").text()).contains("*/deploy*", "`/deploy setup").doesNotContain("You must specify");
        assertThat(p.run(ALICE, "/deploy stauts").text()).contains("`stauts` is not a command", "Did you mean `status`");
        assertThat(p.run(ALICE, "/deploy main to moon").text()).contains("I don't recognise the environment `moon`", "`production`");
        assertThat(p.run(ALICE, "/deploy main to pr12").text()).contains("pull request's environment");
        assertThat(p.run(ALICE, "/deploy ma..in to preview").text()).contains("is not a branch or tag name");
        assertThat(p.run(ALICE, "/deploy list --limit 0").text()).contains("`--limit` takes 1 to 50");
        assertThat(fx.app.as(ALICE).in("CNOWHERE1").run("/deploy main to preview").text()).contains("not set up for a repository");
    }

    @Test
    void aSecondDeploymentToABusyEnvironmentIsToldWhoIsDeployingWhat() {
        DeployFixture.Project p = fx.project();
        long first = p.deploy(ALICE, "/deploy main to preview");
        SlashReply second = p.run(BOB, "/deploy master to preview");
        assertThat(second.text()).contains("<@" + ALICE + "> is deploying `main` to `preview` (deployment #" + first);
        assertThat(p.run(BOB, "/deploy main to staging").text()).contains("requested");
    }

    @Test
    void aLockStopsOthersButNotItsHolderAndSaysWhoWhenAndWhy() {
        DeployFixture.Project p = fx.project();
        SlashReply locked = p.run(ALICE, "/deploy lock production hotfix in flight");
        assertThat(locked.text()).contains("<@" + ALICE + "> locked `production`: hotfix in flight");
        assertThat(locked.responseType()).isEqualTo("in_channel");
        assertThat(p.run(BOB, "/deploy v1.0.0 to production").text())
                .contains("`production` is locked by <@" + ALICE + "> since <!date^", "hotfix in flight");
        assertThat(p.run(BOB, "/deploy lock production").text()).contains("already locked by <@" + ALICE + ">");
        assertThat(p.run(ALICE, "/deploy lock production").text()).contains("You already hold the lock");
        assertThat(p.run(ALICE, "/deploy locks").text()).contains("`production` locked by <@" + ALICE + ">", "hotfix in flight");
        assertThat(p.run(ALICE, "/deploy v1.0.0 to production").text()).contains("requested");
        assertThat(p.run(BOB, "/deploy unlock production").text()).contains("Only they can unlock it", "--force");
        assertThat(p.run(ALICE, "/deploy unlock production").text()).contains("<@" + ALICE + "> unlocked `production`");
        assertThat(p.run(ALICE, "/deploy unlock production").text()).contains("`production` is not locked");
    }

    @Test
    void forceUnlockIsForAdminsAndTellsTheHolder() {
        DeployFixture.Project p = fx.project();
        p.run(ALICE, "/deploy lock staging long test run");
        assertThat(p.run(BOB, "/deploy unlock staging --force").text()).contains("needs the admin role");
        assertThat(p.run(ADMIN, "/deploy unlock staging --force").text()).contains("it was <@" + ALICE + ">'s; they were told");
        assertThat(fx.app.slack().awaitDms(ALICE, 1)).anySatisfy(dm -> assertThat(dm.arg("text")).contains("removed your lock on `staging`"));
        long stuck = p.deploy(BOB, "/deploy main to preview");
        assertThat(p.run(ALICE, "/deploy master to preview").text()).contains("is deploying");
        assertThat(p.run(ADMIN, "/deploy unlock preview --force").text()).contains("freed `preview` from its running deployment");
        assertThat(p.deploy(ALICE, "/deploy master to preview")).isGreaterThan(stuck);
    }

    @Test
    void statusSaysWhatIsDeployedAndWhatStandsInTheWay() {
        DeployFixture.Project p = fx.project();
        long id = p.deploy(ALICE, "/deploy main to preview");
        long githubId = fx.gitHubDeployment(id).id();
        // GitHub's event names the deployment's commit (main's); it may arrive before the create job stored GitHub's answer.
        assertThat(fx.gitHubEvent("deployment_status", p.deploymentStatus(githubId, DeployFixture.SHA_MAIN, id, "success", null)).status())
                .isEqualTo(200);
        fx.awaitState(id, "succeeded");
        p.run(BOB, "/deploy lock staging demo at 3");
        p.deploy(ALICE, "/deploy release/1.2 to test");
        // The sha is stored by whichever comes first, the job that created the deployment or GitHub's status.
        String status = Await.until(() -> p.run(ALICE, "/deploy status").text(), text -> text.contains("(`2222222`)"),
                Duration.ofSeconds(10), "the deployed sha in the status");
        assertThat(status).contains("*preview*: `main` (`2222222`) deployed by <@" + ALICE + ">", "nothing stands in the way");
        assertThat(status).contains("*staging*: nothing deployed yet", "locked by <@" + BOB + ">", "demo at 3");
        assertThat(status).contains("*test*", "of `release/1.2` by <@" + ALICE + ">");
        assertThat(p.run(ALICE, "/deploy status production").text()).contains("*production*: nothing deployed yet").doesNotContain("*preview*");
    }

    @Test
    void listShowsTheHistoryNewestFirstAndTakesALimit() {
        DeployFixture.Project p = fx.project();
        long first = p.deploy(ALICE, "/deploy main to preview");
        long second = p.deploy(BOB, "/deploy feature/Login-Page to staging");
        fx.awaitState(second, "queued");
        String list = p.run(ALICE, "/deploy list").text();
        assertThat(list.indexOf("#" + second)).isLessThan(list.indexOf("#" + first));
        assertThat(list).contains("`feature/Login-Page` `3333333` → `staging` · <@" + BOB + "> · :inbox_tray: queued");
        assertThat(p.run(ALICE, "/deploy list staging").text()).contains("#" + second).doesNotContain("#" + first + " ");
        assertThat(p.run(ALICE, "/deploy list --limit 1").text()).contains("#" + second).doesNotContain("#" + first + " ");
    }

    @Test
    void helpListsTheFamilysCommands() {
        DeployFixture.Project p = fx.project();
        String help = p.run(ALICE, "/deploy help").text();
        assertThat(help).contains("status", "lock", "unlock", "locks", "hello", "goodbye", "list", "/deploy setup");
        assertThat(p.run(LEAD, "/deploy help").text()).contains("/deploy setup", "/deploy reset", "/deploy set", "/deploy unset");
        assertThat(p.run(ALICE, "/cimon help lock").text()).contains("REASON");
    }
}
