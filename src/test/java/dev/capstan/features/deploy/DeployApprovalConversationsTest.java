package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ADMIN;
import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.BOB;
import static dev.capstan.features.deploy.DeployFixture.CAROL;
import static dev.capstan.features.deploy.DeployFixture.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.SlashReply;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Approval cards on a fixed clock: who may approve, each approver once, reject, expiry, and the card becoming the deployment. */
class DeployApprovalConversationsTest extends DeployPolicyConversation {
    private static final Pattern STARTED = Pattern.compile("Deployment #(\\d+) started");
    @Test
    void aDeploymentThatNeedsApprovalPostsACardAndCreatesNothingAtGitHubUntilItIsApproved() {
        DeployFixture.Project p = fx.project();
        SlashReply asked = p.run(ALICE, "/deploy v1.0.0 to production");
        assertThat(asked.text()).contains("`production` needs 1 approval from someone with role team_lead or above",
                "nothing is created at GitHub until it is approved");
        long request = p.request(ALICE, "/deploy v1.0.0 to production");
        String card = fx.awaitCard(request, c -> c.contains("Approval needed"), "asking");
        assertThat(card).contains("Approval needed: deploy `tag v1.0.0` to `production`", "<@" + ALICE + ">", "`" + p.repo() + "`",
                "0 of 1", "1 more (1 approval from someone with role team_lead or above)", "the requester's own approval does not count");
        assertThat(fx.cardButtons(request)).extracting(SlashReply.Button::text).containsExactly("Approve", "Reject");
        assertThat(fx.cardCalls(request).get(0).method()).isEqualTo("chat.postMessage");
        assertThat(fx.cardCalls(request).get(0).arg("channel")).isEqualTo(p.channel());
        assertThat(fx.gitHubDeployments(p.repo())).isEmpty();

        String approved = p.click(LEAD, fx.cardButton(request, "Approve"));
        Matcher started = STARTED.matcher(approved);
        assertThat(started.find()).as(approved).isTrue();
        long id = Long.parseLong(started.group(1));
        assertThat(fx.gitHubDeployment(id).request().path("ref").asText()).isEqualTo("refs/tags/v1.0.0");
        assertThat(fx.gitHubDeployments(p.repo())).hasSize(1);
        String message = fx.awaitState(id, "created on GitHub");
        assertThat(message).contains("Approved by <@" + LEAD + "> <!date^");
        // The card became the deployment's message: no new post, the same Slack message updated.
        assertThat(fx.calls(id)).allSatisfy(c -> assertThat(c.method()).isEqualTo("chat.update"));
        assertThat(fx.calls(id)).allSatisfy(c -> assertThat(c.arg("ts")).isEqualTo(fx.ts("deploy-approval-" + request)));
    }

    @Test
    void theRequesterMayNotApproveTheirOwnRequestAndSomeoneNotAllowedIsToldWhy() {
        DeployFixture.Project p = fx.project();
        long request = p.request(ALICE, "/deploy v1.0.0 to production");
        assertThat(p.click(ALICE, fx.cardButton(request, "Approve")))
                .contains("You asked for this deployment, so your own approval does not count here", "1 approval from someone with role team_lead");
        assertThat(p.click(BOB, fx.cardButton(request, "Approve")))
                .contains("Only someone with role team_lead or above may approve deployments to `production`; you are member.");
        assertThat(p.click(BOB, fx.cardButton(request, "Reject"))).contains("Only the requester or someone with role team_lead", "you are member");
        assertThat(fx.card(request)).contains("0 of 1", "Approval needed");
        assertThat(fx.gitHubDeployments(p.repo())).isEmpty();
    }

    @Test
    void eachApproverCountsOnceAndTheCardShowsWhoApprovedAndWhen() {
        DeployFixture.Project p = fx.project();
        assertThat(p.run(CAROL, "/deploy main to qa").text()).contains("`qa` is deployed only by <@UALICE01>, <@UBOB00001>; you are member.");
        long request = p.request(BOB, "/deploy main to qa");
        assertThat(fx.awaitCard(request, c -> c.contains("0 of 2"), "asking for two")).contains("2 more (2 approvals from <@ULEAD0001>, <@UADMIN01>, <@UCAROL001>)");
        assertThat(p.click(LEAD, fx.cardButton(request, "Approve"))).contains("Your approval is counted; it needs 1 more.");
        assertThat(fx.awaitCard(request, c -> c.contains("1 of 2"), "with one approval")).contains("1 of 2: <@" + LEAD + "> <!date^"
                + DeployFixture.WEDNESDAY.getEpochSecond(), "1 more");
        assertThat(p.click(LEAD, fx.cardButton(request, "Approve"))).contains("You approved this already; it still needs 1 more.");
        assertThat(fx.card(request)).contains("1 of 2");
        assertThat(fx.gitHubDeployments(p.repo())).isEmpty();
        fx.clock.advance(Duration.ofMinutes(2));
        String second = p.click(CAROL, fx.cardButton(request, "Approve"));
        assertThat(second).contains("Approved.", "started");
        assertThat(p.click(ADMIN, fx.cardButton(request, "Approve"))).contains("This was already approved by <@" + LEAD + ">", "<@" + CAROL + ">",
                "it is deployment #");
        Matcher started = STARTED.matcher(second);
        assertThat(started.find()).isTrue();
        long id = Long.parseLong(started.group(1));
        assertThat(fx.awaitState(id, "created on GitHub")).contains("Approved by <@" + LEAD + "> <!date^" + DeployFixture.WEDNESDAY.getEpochSecond(),
                "<@" + CAROL + "> <!date^" + DeployFixture.WEDNESDAY.plus(Duration.ofMinutes(2)).getEpochSecond());
        assertThat(fx.gitHubDeployments(p.repo())).hasSize(1);
    }

    @Test
    void rejectEndsTheRequestAndSaysByWhomAndALaterClickChangesNothing() {
        DeployFixture.Project p = fx.project();
        long request = p.request(ALICE, "/deploy v1.0.0 to production");
        SlashReply.Button approve = fx.cardButton(request, "Approve");
        assertThat(p.click(LEAD, fx.cardButton(request, "Reject"))).contains("You rejected the deployment of `tag v1.0.0` to `production`.");
        String card = fx.awaitCard(request, c -> c.contains("Rejected"), "rejected");
        assertThat(card).contains("Rejected by <@" + LEAD + "> <!date^", "nothing was deployed");
        assertThat(fx.cardButtons(request)).isEmpty();
        assertThat(p.click(ADMIN, approve)).contains("This was already rejected by <@" + LEAD + ">");
        assertThat(fx.gitHubDeployments(p.repo())).isEmpty();

        long withdrawn = p.request(BOB, "/deploy v1.0.0 to production");
        assertThat(p.click(BOB, fx.cardButton(withdrawn, "Reject"))).contains("You rejected");
        assertThat(fx.awaitCard(withdrawn, c -> c.contains("Rejected"), "withdrawn")).contains("Rejected by <@" + BOB + ">");
    }

    /** The approval request's state as stored: what its expiry job, not a click, decided. */
    private String requestState(long request) {
        return fx.app.capstan().database().jdbi().withHandle(h -> h.createQuery("select state from deploy_approval_requests where id = :id")
                .bind("id", request).mapTo(String.class).one());
    }

    @Test
    void aRequestThatWaitsTooLongExpiresAndALaterClickSaysItExpired() {
        DeployFixture.Project p = fx.project();
        long request = p.request(ALICE, "/deploy v1.0.0 to production");
        SlashReply.Button approve = fx.cardButton(request, "Approve");
        fx.clock.advance(Duration.ofMinutes(29));
        fx.app.runDueJobs();
        assertThat(requestState(request)).isEqualTo("PENDING");
        assertThat(fx.card(request)).contains("Approval needed");
        fx.clock.advance(Duration.ofMinutes(2));
        fx.app.runDueJobs();
        assertThat(requestState(request)).isEqualTo("EXPIRED");
        String expired = fx.awaitCard(request, c -> c.contains("Expired"), "expired by its job");
        assertThat(expired).contains("Expired <!date^" + DeployFixture.WEDNESDAY.plus(Duration.ofMinutes(30)).getEpochSecond(),
                "0 of 1 approvals; nothing was deployed", "`/deploy tags/v1.0.0 to production`");
        assertThat(fx.cardButtons(request)).isEmpty();
        assertThat(p.click(LEAD, approve)).contains("This request expired", "nothing was deployed");
        assertThat(fx.gitHubDeployments(p.repo())).isEmpty();
    }

    @Test
    void anApprovedDeploymentStillMeetsALockTakenMeanwhileAndTheCardSaysWhyItDidNotStart() {
        DeployFixture.Project p = fx.project();
        long request = p.request(ALICE, "/deploy v1.0.0 to production");
        p.run(BOB, "/deploy lock production db migration");
        assertThat(p.click(LEAD, fx.cardButton(request, "Approve"))).contains("Approved.", "did not start", "locked by <@" + BOB + ">");
        assertThat(fx.awaitCard(request, c -> c.contains("Approved:"), "approved, not started"))
                .contains("Approved by <@" + LEAD + ">", "But it did not start: :lock: `production` is locked by <@" + BOB + ">", "db migration");
        assertThat(fx.gitHubDeployments(p.repo())).isEmpty();
    }

    @Test
    void anAutomaticDeploymentToAnEnvironmentThatNeedsApprovalPostsACardToo() {
        DeployFixture.Project p = fx.project();
        assertThat(fx.gitHubEvent("push", p.push("refs/tags/v1.0.0", DeployFixture.SHA_V1, "carol-gh")).body()).contains("approval request #");
        String card = fx.app.slack().awaitMessages(c -> c.arg("blocks") != null && c.arg("blocks").contains(p.repo())
                && c.arg("blocks").contains("(push)"), 1).get(0).arg("blocks");
        assertThat(card).contains("Approval needed: deploy `tag v1.0.0` (`1111111`) to `production`", "`carol-gh` (GitHub) (push)");
        assertThat(fx.gitHubDeployments(p.repo())).isEmpty();
    }
}
