package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ADMIN;
import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.BOB;
import static dev.capstan.features.deploy.DeployFixture.CAROL;
import static dev.capstan.features.deploy.DeployFixture.LEAD;
import static dev.capstan.features.deploy.DeployFixture.SHA_RELEASE;
import static dev.capstan.features.deploy.DeployFixture.SHA_V1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.FakeGitHubRepos;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestClock;
import dev.capstan.support.TestDatabases;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * When things went wrong: rolling back after a failed deployment, `list` saying who approved and why a freeze was
 * overridden, and refusals by an environment's rules audited as refused, by that rule. On the policy example's fixed clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class DeployHistoryAndRefusalsTest {
    /** The policy example, plus `prod`: deployed from version tags, without approvals. */
    static final String YAML = DeployFixture.POLICY_YAML.replace("      staging: { refs: [\"*\"], queue: true }",
            "      staging: { refs: [\"*\"], queue: true }\n      prod: { refs: [\"tags/v*\"] }");
    private static final Pattern STARTED = Pattern.compile("Deployment #(\\d+) started");

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

    /** Deploys {@code line} and lets GitHub report it {@code state}. */
    private long ended(DeployFixture.Project p, String user, String line, String state, String label) {
        long id = p.deploy(user, line);
        FakeGitHubRepos.FakeDeployment created = fx.gitHubDeployment(id);
        fx.gitHubEvent("deployment_status", p.deploymentStatus(created.id(), created.sha(), id, state, null));
        fx.awaitState(id, label);
        return id;
    }

    /** What `/capstan audit --outcome refused` shows an admin of {@code user}'s entries. */
    private String refusalsOf(String user) {
        return fx.app.as(ADMIN).run("/capstan audit --outcome refused --user " + user + " --limit 100").text();
    }

    @Test
    void rollbackAfterAFailedDeploymentProposesTheLastSuccessBeforeIt() {
        DeployFixture.Project p = fx.project();
        fx.repos.ref(p.repo(), "refs/tags/v1.5.0", SHA_V1).ref(p.repo(), "refs/tags/v1.6.0", SHA_RELEASE);
        long good = ended(p, ALICE, "/deploy v1.5.0 to prod", "success", "succeeded");
        long failed = ended(p, BOB, "/deploy v1.6.0 to prod", "failure", "failed");

        SlashReply proposal = p.run(ALICE, "/deploy rollback prod");
        assertThat(proposal.text()).contains("Roll `prod` back from `tag v1.6.0` (`4444444`, deployment #" + failed + " by <@" + BOB
                + ">) to `tag v1.5.0` (`1111111`, deployment #" + good + ")?");
        SlashReply confirmed = fx.app.as(ALICE).in(p.channel()).click(proposal.button("Confirm"));
        String said = fx.app.slack().awaitPosts(confirmed.responseUrl(), 1).get(0).allText();
        assertThat(said).contains(":rocket: Rollback: Deployment #", "of `tag v1.5.0` to `prod` requested");
        long id = Long.parseLong(said.replaceAll("(?s).*Deployment #(\\d+).*", "$1"));
        assertThat(fx.gitHubDeployment(id).request().path("ref").asText()).isEqualTo(SHA_V1);
    }

    @Test
    void rollbackSaysWhenTheFailedDeploymentHasNoSuccessBeforeIt() {
        DeployFixture.Project p = fx.project();
        long failed = ended(p, BOB, "/deploy main to staging", "failure", "failed");
        assertThat(p.run(ALICE, "/deploy rollback staging").text()).contains("Nothing was deployed to `staging` successfully yet");
        ended(p, BOB, "/deploy main to staging", "success", "succeeded");
        long again = ended(p, BOB, "/deploy main to staging", "error", "errored");
        assertThat(p.run(ALICE, "/deploy rollback staging").text()).contains("There is no earlier successful deployment of another commit",
                "the current one is #" + again + " (`main`, errored)").doesNotContain("#" + failed + " (");
    }

    @Test
    void listShowsWhoApprovedADeploymentAndWhyAFreezeWasOverridden() {
        DeployFixture.Project p = fx.project();
        fx.clock.set(DeployFreezeConversationsTest.SATURDAY);
        long request = p.request(ADMIN, "/deploy v1.0.0 to production --emergency \"checkout is down\"");
        String approved = p.click(LEAD, fx.cardButton(request, "Approve"));
        Matcher started = STARTED.matcher(approved);
        assertThat(started.find()).as(approved).isTrue();
        long id = Long.parseLong(started.group(1));
        fx.awaitState(id, "created on GitHub");
        assertThat(p.run(ALICE, "/deploy list production").text()).contains("#" + id + " `tag v1.0.0`",
                ":white_check_mark: approved by <@" + LEAD + "> <!date^", ":rotating_light: emergency: checkout is down");
        long plain = p.deploy(BOB, "/deploy main to staging");
        assertThat(p.run(ALICE, "/deploy list staging").text()).contains("#" + plain).doesNotContain("approved by", "emergency");
    }

    @Test
    void refusalsByAnEnvironmentsRulesAreAuditedAsRefusedWithTheRule() {
        DeployFixture.Project p = fx.project();
        String carol = "UREFUSE01";
        assertThat(p.run(carol, "/deploy main to production").text()).contains("`production` is deployed only from `tags/v*`");
        assertThat(p.run(carol, "/deploy main to qa").text()).contains("`qa` is deployed only by");
        p.run(BOB, "/deploy lock staging demo");
        assertThat(p.run(carol, "/deploy main to staging").text()).contains(":lock: `staging` is locked by <@" + BOB + ">");
        fx.clock.set(DeployFreezeConversationsTest.SATURDAY);
        assertThat(p.run(carol, "/deploy release/1.2 to test").text()).contains(":snowflake: `test` is frozen until");
        fx.clock.set(DeployFixture.WEDNESDAY);
        long request = p.request(ALICE, "/deploy v1.0.0 to production");
        assertThat(p.click(carol, fx.cardButton(request, "Approve"))).contains("may approve deployments to `production`; you are member.");

        String refused = refusalsOf(carol);
        assertThat(refused).contains("allowed · refused by `production` refs: :no_entry: `production` is deployed only from",
                "allowed · refused by `qa` deployers: :no_entry: `qa` is deployed only by",
                "allowed · refused by `staging` lock: :lock: `staging` is locked by",
                "allowed · refused by `test` freeze: :snowflake: `test` is frozen until",
                "deploy.approve " + request + "` → click · refused by `production` approvals: :no_entry: Only someone with role team_lead");
        assertThat(refused).doesNotContain("· ok");
        assertThat(fx.app.as(ADMIN).run("/capstan audit --outcome ok --user " + carol).text()).doesNotContain("deploy main to");
        assertThat(refusalsOf(CAROL)).isEqualTo("No entries match.");
    }
}
