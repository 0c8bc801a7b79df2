package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ADMIN;
import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.BOB;
import static dev.capstan.features.deploy.DeployFixture.CAROL;
import static dev.capstan.features.deploy.DeployFixture.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.support.SlashReply;
import dev.capstan.support.Texts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Deployments' part of the Home tab: approvals waiting for me (Approve works from there, with the card's rules), my
 * deployments under way, the locks I hold with Unlock; and my Home published again once something on it changed.
 */
class DeployHomeTest extends DeployPolicyConversation {
    /** Minutes past the fixture's start already used by a test that counts Home publishes. */
    private static final AtomicInteger MINUTES_USED = new AtomicInteger();

    /**
     * The clock is set back before each test but the Home throttle's slots stay in the shared database: a test that
     * counts publishes moves to a minute no earlier test used, so that a slot another test took never holds it back.
     */
    private void movesPastEveryEarlierHomePublish() {
        fx.clock.advance(Duration.ofMinutes(MINUTES_USED.incrementAndGet()));
    }

    private static List<JsonNode> buttons(JsonNode home) {
        return home.path("blocks").findValues("elements").stream().flatMap(e -> StreamSupport.stream(e.spliterator(), false))
                .filter(e -> "button".equals(e.path("type").asText())).toList();
    }

    private static SlashReply.Button button(JsonNode home, String text, String value) {
        JsonNode found = buttons(home).stream().filter(b -> text.equals(b.path("text").path("text").asText()))
                .filter(b -> value == null || value.equals(b.path("value").asText())).findFirst().orElseThrow();
        return new SlashReply.Button(found.path("action_id").asText(), found.path("value").asText(), text);
    }

    @Test
    void anApproverSeesTheRequestOnTheirHomeApprovesItThereAndTheirHomeIsPublishedAgainWithoutIt() {
        movesPastEveryEarlierHomePublish();
        DeployFixture.Project p = fx.project();
        int before = fx.app.slack().homes(LEAD).size();
        long request = p.request(ALICE, "/deploy v1.0.0 to production");
        fx.app.as(LEAD).opensHome();
        JsonNode home = fx.app.slack().awaitHome(LEAD, before + 1);
        assertThat(Texts.blocksText(home)).contains("Waiting for your approval", "`tag v1.0.0` to `production` in `" + p.repo() + "`",
                "asked by <@" + ALICE + ">", "0 of 1 approvals");

        String approved = p.click(LEAD, button(home, "Approve", String.valueOf(request)));
        assertThat(approved).contains("started");
        fx.app.awaitJobsDone();
        assertThat(fx.app.slack().homes(LEAD)).as("published at most once every few seconds").hasSize(before + 1);

        fx.clock.advance(Duration.ofSeconds(5));
        fx.app.runDueJobs();
        JsonNode again = fx.app.slack().awaitHome(LEAD, before + 2);
        assertThat(buttons(again)).noneMatch(b -> String.valueOf(request).equals(b.path("value").asText()));
    }

    @Test
    void aRequestThatApproversByRoleMayApproveReachesTheirHomesWithoutThemOpeningIt() {
        movesPastEveryEarlierHomePublish();
        DeployFixture.Project p = fx.project();
        int leadBefore = fx.app.slack().homes(LEAD).size();
        int adminBefore = fx.app.slack().homes(ADMIN).size();
        p.request(ALICE, "/deploy v1.0.0 to production");

        assertThat(Texts.blocksText(fx.app.slack().awaitHome(LEAD, leadBefore + 1)))
                .contains("Waiting for your approval", "`tag v1.0.0` to `production` in `" + p.repo() + "`");
        assertThat(Texts.blocksText(fx.app.slack().awaitHome(ADMIN, adminBefore + 1)))
                .as("an admin is at least a team lead").contains("`tag v1.0.0` to `production` in `" + p.repo() + "`");
    }

    @Test
    void theRequesterIsNotAskedToApproveTheirOwnRequestButSeesTheirRunningDeployment() {
        DeployFixture.Project p = fx.project();
        p.request(CAROL, "/deploy v1.0.0 to production");
        long running = p.deploy(BOB, "/deploy main to staging");
        fx.app.as(BOB).opensHome();

        String home = Texts.blocksText(fx.app.slack().awaitHome(BOB, 1));
        assertThat(home).contains("Your deployments under way").contains("`main` to `staging` in `" + p.repo() + "`")
                .contains("#" + running).doesNotContain("Waiting for your approval");
    }

    @Test
    void theLocksIHoldHaveAnUnlockButtonThatReleasesOnlyMyOwnLock() {
        DeployFixture.Project p = fx.project();
        String me = CAROL;
        assertThat(p.run(me, "/deploy lock staging hotfix testing").text()).contains("locked");
        fx.app.as(me).opensHome();
        JsonNode home = fx.app.slack().awaitHome(me, 1);
        assertThat(Texts.blocksText(home)).contains(":lock: You hold `staging` of `" + Binding.key(p.repo()) + "`", "hotfix testing");
        SlashReply.Button unlock = button(home, "Unlock", null);

        assertThat(p.click(ALICE, unlock)).contains("You no longer hold the lock").contains("nothing was changed");
        assertThat(p.click(me, unlock)).contains("You unlocked `staging`");
        assertThat(p.run(ALICE, "/deploy lock staging").text()).contains("locked");
    }

    @Test
    void anApprovalAskedOfMeAndMyLockTakenAwayReachMyHomeWithoutMeOpeningIt() {
        movesPastEveryEarlierHomePublish();
        DeployFixture.Project p = fx.project();
        int adminBefore = fx.app.slack().homes(ADMIN).size();
        p.request(BOB, "/deploy main to qa");
        assertThat(Texts.blocksText(fx.app.slack().awaitHome(ADMIN, adminBefore + 1)))
                .contains("Waiting for your approval", "`main` to `qa` in `" + p.repo() + "`");

        int aliceBefore = fx.app.slack().homes(ALICE).size();
        assertThat(p.run(ALICE, "/deploy lock staging").text()).contains("locked");
        assertThat(Texts.blocksText(fx.app.slack().awaitHome(ALICE, aliceBefore + 1))).contains(":lock: You hold `staging`");
        assertThat(p.run(ADMIN, "/deploy unlock staging --force").text()).contains("they were told");
        fx.clock.advance(Duration.ofSeconds(5));
        fx.app.runDueJobs();

        assertThat(Texts.blocksText(fx.app.slack().awaitHome(ALICE, aliceBefore + 2))).doesNotContain("You hold `staging` of `"
                + Binding.key(p.repo()) + "`");
    }

    @Test
    void inTheChannelsIAmInISeeWhatIsDeployedWhereAndTheNextFreezeButNothingOfChannelsIAmNotIn() {
        DeployFixture.Project p = fx.project();
        long id = p.deploy(ALICE, "/deploy main to staging");
        fx.awaitState(id, "created on GitHub");
        long githubId = fx.gitHubDeployment(id).id();
        assertThat(fx.gitHubEvent("deployment_status", "d-" + id + "-home", p.deploymentStatus(githubId, id, "success", null)).body())
                .contains("succeeded");
        fx.awaitState(id, "succeeded");
        String member = "UHOMECH01";
        String outsider = "UHOMECH02";
        fx.app.slack().memberOf(member, "CNOTBOUND", p.channel());

        fx.app.as(member).opensHome();
        fx.app.as(outsider).opensHome();

        String home = Texts.blocksText(fx.app.slack().awaitHome(member, 1));
        String sha = fx.gitHubDeployment(id).sha().substring(0, 7);
        assertThat(home).contains("In your channels", "<#" + p.channel() + "> `" + p.repo() + "`",
                "`staging`: :white_check_mark: `main` (" + sha + ") by <@" + ALICE + ">",
                "`production`: nothing deployed yet · next freeze ").doesNotContain("frozen now");
        assertThat(Texts.blocksText(fx.app.slack().awaitHome(outsider, 1))).doesNotContain("In your channels");
    }
}
