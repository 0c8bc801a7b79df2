package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.BOB;
import static dev.capstan.features.deploy.DeployFixture.SHA_FEATURE;
import static dev.capstan.features.deploy.DeployFixture.SHA_MAIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.FakeGitHubRepos;
import dev.capstan.support.SlashReply;
import org.junit.jupiter.api.Test;

/** `--dry-run` (the commit, what goes out, the checks, the verdict; nothing created) and `rollback <env>`, on a fixed clock. */
class DeployPreflightRollbackTest extends DeployPolicyConversation {
    /** Deploys {@code line} and lets GitHub report it successful (possibly before Capstan stored GitHub's answer). */
    private long succeeded(DeployFixture.Project p, String user, String line) {
        long id = p.deploy(user, line);
        FakeGitHubRepos.FakeDeployment created = fx.gitHubDeployment(id);
        assertThat(fx.gitHubEvent("deployment_status", p.deploymentStatus(created.id(), created.sha(), id, "success", null)).status()).isEqualTo(200);
        fx.awaitState(id, "succeeded");
        return id;
    }

    /** Runs a dry run and returns what came back on the response_url. */
    private String dryRun(DeployFixture.Project p, String user, String line) {
        SlashReply ack = p.run(user, line);
        assertThat(ack.text()).contains("This is a dry run: nothing is created.");
        return fx.app.slack().awaitPosts(ack.responseUrl(), 1).get(0).allText();
    }

    @Test
    void aDryRunShowsTheCommitWhatGoesOutSinceTheLastSuccessTheChecksAndTheVerdictAndCreatesNothing() {
        DeployFixture.Project p = fx.project();
        long last = succeeded(p, ALICE, "/deploy main to staging");
        fx.repos.comparison(p.repo(), SHA_MAIN, SHA_FEATURE, "ahead", 3, 0,
                        new FakeGitHubRepos.Commit("a1", "alice-gh", "Alice", "Add the login page (#42)"),
                        new FakeGitHubRepos.Commit("a2", "bob-gh", "Bob", "Merge pull request #43 from acme/fix\n\nFix the header"),
                        new FakeGitHubRepos.Commit("a3", null, "Carol Unlinked", "Tidy up"))
                .check(p.repo(), SHA_FEATURE, "ci/build", "success").checkRun(p.repo(), SHA_FEATURE, "lint", "completed", "failure");
        int before = fx.repos.deployments().size();

        String report = dryRun(p, BOB, "/deploy feature/Login-Page to staging --dry-run");
        assertThat(report).contains("Dry run: `feature/Login-Page` to `staging`", "Nothing was created.", "*Commit*: `" + SHA_FEATURE + "`");
        assertThat(report).contains("3 commits since deployment #" + last + " (`main`, `2222222`)", "by alice-gh, bob-gh, Carol Unlinked",
                "pull requests #42, #43", "<https://github.com/" + p.repo() + "/compare/" + SHA_MAIN + "..." + SHA_FEATURE + "|compare on GitHub>");
        assertThat(report).contains("none required; reported: :white_check_mark: `ci/build` success, :x: `lint` failure");
        assertThat(report).contains("*Verdict*: :white_check_mark: allowed; it would start now.");
        assertThat(fx.repos.deployments()).hasSize(before);
        assertThat(p.run(ALICE, "/deploy list staging").text().lines().filter(l -> l.startsWith("•"))).hasSize(1);

        assertThat(dryRun(p, BOB, "/deploy main to staging --dry-run")).contains("nothing: this is the commit deployed since deployment #" + last);
        assertThat(dryRun(p, BOB, "/deploy nowhere to staging --dry-run")).contains("GitHub has no branch or tag `nowhere`");
    }

    @Test
    void aDryRunGivesTheVerdictApprovalsLockFreezeOrBusy() {
        DeployFixture.Project p = fx.project();
        assertThat(dryRun(p, ALICE, "/deploy v1.0.0 to production --dry-run"))
                .contains("nothing was deployed to `production` successfully yet", "needs approval. :raised_hand: `production` needs 1 approval "
                        + "from someone with role team_lead or above. It would post an approval card.");
        assertThat(dryRun(p, ALICE, "/deploy main to production --dry-run")).contains("refused.", "`production` is deployed only from `tags/v*`");
        p.run(BOB, "/deploy lock qa release testing");
        assertThat(dryRun(p, ALICE, "/deploy main to qa --dry-run")).contains("locked. :lock: `qa` is locked by <@" + BOB + ">", "release testing");
        p.deploy(BOB, "/deploy main to staging");
        assertThat(dryRun(p, ALICE, "/deploy feature/Login-Page to staging --dry-run")).contains("busy; it would be queued.",
                "<@" + BOB + "> is deploying `main` to `staging`");
        fx.clock.set(DeployFreezeConversationsTest.SATURDAY);
        assertThat(dryRun(p, ALICE, "/deploy v1.0.0 to production --dry-run"))
                .contains("frozen until Mon 30 Mar 2026 09:00 CEST (Europe/Stockholm).");
        assertThat(fx.gitHubDeployments(p.repo())).hasSize(1);
        assertThat(p.run(ALICE, "/deploy status production").text()).doesNotContain("approval request");
    }

    @Test
    void rollbackProposesTheLastSuccessBeforeTheCurrentOneAndMarksTheNewDeployment() {
        DeployFixture.Project p = fx.project();
        long good = succeeded(p, ALICE, "/deploy main to staging");
        long bad = succeeded(p, BOB, "/deploy feature/Login-Page to staging");
        succeeded(p, BOB, "/deploy feature/Login-Page to staging");

        SlashReply proposal = p.run(ALICE, "/deploy rollback staging");
        assertThat(proposal.text()).contains("Roll `staging` back from `feature/Login-Page` (`3333333`", "by <@" + BOB + ">) to `main` (`2222222`, deployment #"
                + good + ")?");
        assertThat(proposal.text()).doesNotContain("#" + bad + ")?");
        SlashReply confirmed = fx.app.as(ALICE).in(p.channel()).click(proposal.button("Confirm"));
        String said = fx.app.slack().awaitPosts(confirmed.responseUrl(), 1).get(0).allText();
        assertThat(said).contains(":rocket: Rollback: Deployment #", "of `main` to `staging` requested");
        long id = Long.parseLong(said.replaceAll("(?s).*Deployment #(\\d+).*", "$1"));
        assertThat(fx.gitHubDeployment(id).request().path("ref").asText()).isEqualTo(SHA_MAIN);
        assertThat(fx.awaitState(id, "created on GitHub")).contains("Rollback: Deployment of `main`", "Rollback to the commit of deployment #" + good);
        assertThat(p.run(ALICE, "/deploy list staging --limit 1").text()).contains("#" + id, ":leftwards_arrow_with_hook: rollback to #" + good);
    }

    @Test
    void rollbackRespectsOtherPeoplesLocksAndSaysWhenThereIsNothingToGoBackTo() {
        DeployFixture.Project p = fx.project();
        assertThat(p.run(ALICE, "/deploy rollback staging").text()).contains("Nothing was deployed to `staging` successfully yet");
        succeeded(p, ALICE, "/deploy main to staging");
        assertThat(p.run(ALICE, "/deploy rollback staging").text()).contains("There is no earlier successful deployment of another commit");
        succeeded(p, ALICE, "/deploy feature/Login-Page to staging");
        p.run(BOB, "/deploy lock staging demo for a customer");
        assertThat(p.run(ALICE, "/deploy rollback staging").text()).contains(":lock: `staging` is locked by <@" + BOB + ">", "demo for a customer");
        p.run(BOB, "/deploy unlock staging");

        SlashReply proposal = p.run(ALICE, "/deploy rollback staging");
        p.run(BOB, "/deploy lock staging back again");
        SlashReply confirmed = fx.app.as(ALICE).in(p.channel()).click(proposal.button("Confirm"));
        assertThat(fx.app.slack().awaitPosts(confirmed.responseUrl(), 1).get(0).allText()).contains(":lock: `staging` is locked by <@" + BOB + ">");
        assertThat(p.run(ALICE, "/deploy list staging").text()).doesNotContain("rollback");
    }
}
