package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.BOB;
import static dev.capstan.features.deploy.DeployFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.Await;
import dev.capstan.support.SlashReply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The watchdog (nothing picked a deployment up) and the queue of an environment that queues, on a fixed clock. */
class DeployWatchdogQueueTest extends DeployPolicyConversation {
    /** Whether the watchdog of deployment #id is still ahead, waiting for its time. */
    private boolean watchdogAhead(long id) {
        return fx.app.capstan().database().jdbi().withHandle(h -> h.createQuery(
                        "select count(*) from scheduled_deadlines where task_instance = :job")
                .bind("job", "deploy-watchdog-" + id).mapTo(Integer.class).one()) == 1;
    }

    /**
     * Waits until the create job stored GitHub's answer and set the watchdog of #id: its deadline is read from the
     * clock then, so the clock may only move after it.
     */
    private void awaitWatchdogSet(long id) {
        Await.until(() -> watchdogAhead(id), ahead -> ahead, Duration.ofSeconds(30), "the watchdog of #" + id + " to be set");
    }

    /** Whether the watchdog flagged deployment #id as picked up by nothing. */
    private boolean flagged(long id) {
        return fx.app.capstan().database().jdbi().withHandle(h -> h.createQuery("select count(*) from deploy_deployments where id = :id and unheard_at is not null")
                .bind("id", id).mapTo(Integer.class).one()) == 1;
    }

    /** The first DM to {@code user} saying {@code text}, once it came. */
    private String awaitDm(String user, String text) {
        return Await.until(() -> fx.app.slack().calls("chat.postMessage").stream().filter(c -> user.equals(c.arg("channel")))
                .map(c -> c.arg("text")).filter(t -> t != null && t.contains(text)).findFirst().orElse(null), t -> t != null,
                Duration.ofSeconds(20), "a DM to " + user + " saying " + text);
    }

    private long dmsSaying(String user, String text) {
        return fx.app.slack().calls("chat.postMessage").stream().filter(c -> user.equals(c.arg("channel")))
                .filter(c -> c.arg("text") != null && c.arg("text").contains(text)).count();
    }

    @Test
    void aDeploymentNothingPicksUpSaysSoWithLikelyCausesAndItsRequesterIsToldOnce() {
        DeployFixture.Project p = fx.project();
        long id = p.deploy(ALICE, "/deploy main to staging");
        fx.awaitState(id, "created on GitHub");
        awaitWatchdogSet(id);
        fx.clock.advance(Duration.ofMinutes(4));
        fx.app.runDueJobs();
        assertThat(watchdogAhead(id)).isTrue();
        assertThat(flagged(id)).isFalse();
        fx.clock.advance(Duration.ofMinutes(2));
        fx.app.runDueJobs();
        assertThat(watchdogAhead(id)).isFalse();
        assertThat(flagged(id)).isTrue();
        String message = fx.awaitMessage(id, m -> m.contains("Nothing picked this deployment up"), "flagged by the watchdog");
        assertThat(message).contains("no status from GitHub or CI by <!date^", "no CI adapter is configured for `staging`",
                "the GitHub App has no access to `" + p.repo() + "`");
        assertThat(awaitDm(ALICE, "Nothing has picked up your deployment #" + id)).contains("Likely causes are on its message in <#" + p.channel() + ">");
        assertThat(dmsSaying(ALICE, "Nothing has picked up your deployment #" + id)).isEqualTo(1);

        long githubId = fx.gitHubDeployment(id).id();
        fx.gitHubEvent("deployment_status", p.deploymentStatus(githubId, id, "in_progress", "https://ci.example.com/1"));
        assertThat(fx.awaitState(id, "in progress")).doesNotContain("Nothing picked");
    }

    @Test
    void theWatchdogStaysQuietWhenGitHubOrCiReportedAStatus() {
        DeployFixture.Project p = fx.project();
        long id = p.deploy(ALICE, "/deploy main to staging");
        long githubId = fx.gitHubDeployment(id).id();
        awaitWatchdogSet(id);
        fx.gitHubEvent("deployment_status", p.deploymentStatus(githubId, id, "queued", null));
        fx.awaitState(id, "queued");
        fx.clock.advance(Duration.ofMinutes(6));
        fx.app.runDueJobs();
        assertThat(watchdogAhead(id)).isFalse();
        assertThat(flagged(id)).isFalse();
        assertThat(fx.message(id)).doesNotContain("Nothing picked");
        assertThat(dmsSaying(ALICE, "Nothing has picked up your deployment #" + id)).isZero();
    }

    @Test
    void whileAnotherDeploymentRunsRequestsQueueSeeTheirPlaceAndStartInTurn() {
        DeployFixture.Project p = fx.project();
        long first = p.deploy(ALICE, "/deploy main to staging");
        SlashReply second = p.run(BOB, "/deploy feature/Login-Page to staging");
        assertThat(second.text()).contains("Your deployment of `feature/Login-Page` to `staging` is queued, #1 in line.",
                "<@" + ALICE + "> is deploying `main` to `staging` (deployment #" + first, "It starts by itself");
        assertThat(p.run(CAROL, "/deploy release/1.2 to staging").text()).contains("is queued, #2 in line.");
        assertThat(p.run(ALICE, "/deploy status staging").text()).contains(":hourglass_flowing_sand: queued: `feature/Login-Page` by <@" + BOB
                + ">, `release/1.2` by <@" + CAROL + ">");

        long githubId = fx.gitHubDeployment(first).id();
        fx.gitHubEvent("deployment_status", p.deploymentStatus(githubId, first, "success", null));
        String turn = awaitDm(BOB, "Your turn");
        assertThat(turn).contains("of `feature/Login-Page` to `staging` started");
        long bobs = Long.parseLong(turn.replaceAll("(?s).*deployment #(\\d+).*", "$1"));
        assertThat(fx.awaitState(bobs, "created on GitHub")).contains("<@" + BOB + ">");
        assertThat(p.run(ALICE, "/deploy status staging").text()).contains("queued: `release/1.2` by <@" + CAROL + ">").doesNotContain("by <@" + BOB + ">,");

        fx.gitHubEvent("deployment_status", p.deploymentStatus(fx.gitHubDeployment(bobs).id(), bobs, "failure", null));
        assertThat(awaitDm(CAROL, "Your turn")).contains("`release/1.2` to `staging` started");
        assertThat(p.run(ALICE, "/deploy status staging").text()).doesNotContain("queued:");
    }

    @Test
    void aQueuedRequestThatTheRulesNowRefuseIsDroppedAndItsRequesterToldWhy() {
        DeployFixture.Project p = fx.project();
        long first = p.deploy(ALICE, "/deploy main to staging");
        assertThat(p.run(BOB, "/deploy feature/Login-Page to staging").text()).contains("#1 in line");
        p.run(ALICE, "/deploy lock staging keep it for the demo");
        fx.gitHubEvent("deployment_status", p.deploymentStatus(fx.gitHubDeployment(first).id(), first, "success", null));
        assertThat(awaitDm(BOB, "did not start when its turn came")).contains("The queued deployment of `feature/Login-Page` to `staging`",
                "did not start when its turn came", "locked by <@" + ALICE + ">", "keep it for the demo");
        assertThat(p.run(ALICE, "/deploy status staging").text()).doesNotContain("queued:");
    }

    @Test
    void anEnvironmentThatDoesNotQueueRefusesWhileBusy() {
        DeployFixture.Project p = fx.project();
        long first = p.deploy(BOB, "/deploy release/1.2 to test");
        assertThat(p.run(ALICE, "/deploy release/1.2 to test").text()).contains("<@" + BOB + "> is deploying `release/1.2` to `test` (deployment #"
                + first, "One deployment per environment at a time.").doesNotContain("queued");
    }
}
