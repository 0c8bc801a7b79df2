package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ADMIN;
import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.BOB;
import static dev.capstan.features.deploy.DeployFixture.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.Await;
import dev.capstan.support.SlashReply;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Freeze windows on a fixed clock: refusals with the end in the window's zone, emergency overrides, held automatic deployments. */
class DeployFreezeConversationsTest extends DeployPolicyConversation {
    /** Saturday 28 March 2026, 13:00 in Stockholm and 08:00 in New York: both Friday freezes are on. */
    static final Instant SATURDAY = Instant.parse("2026-03-28T12:00:00Z");
    private static final String SHA_HOTFIX = "5555555555555555555555555555555555555555";
    private static final Pattern STARTED = Pattern.compile("Deployment #(\\d+) (?:of|started)");
    @BeforeEach
    void saturday() {
        fx.clock.set(SATURDAY);
    }

    @Test
    void duringAFreezeADeploymentIsRefusedWithTheWindowsEndInItsZone() {
        DeployFixture.Project p = fx.project();
        assertThat(p.run(ALICE, "/deploy v1.0.0 to production").text())
                .isEqualTo(":snowflake: `production` is frozen until Mon 30 Mar 2026 09:00 CEST (Europe/Stockholm). "
                        + "Only someone with role admin may override a freeze.");
        assertThat(p.run(ADMIN, "/deploy v1.0.0 to production").text()).contains("frozen until Mon 30 Mar 2026 09:00 CEST",
                "If it cannot wait, add `--emergency \"reason\"`");
        assertThat(p.run(ALICE, "/deploy release/1.2 to test").text())
                .contains("`test` is frozen until Mon 30 Mar 2026 08:00 EDT (America/New_York)", "Only <@" + BOB + "> may override");
        assertThat(p.run(ALICE, "/deploy status production").text()).doesNotContain("approval request");
        assertThat(fx.gitHubDeployments(p.repo())).isEmpty();
    }

    @Test
    void anEmergencyOverridesAFreezeForThoseAllowedWithTheReasonOnTheMessageAndInTheAudit() {
        DeployFixture.Project p = fx.project();
        assertThat(p.run(ALICE, "/deploy v1.0.0 to production --emergency \"checkout is down\"").text())
                .contains("only someone with role admin may override a freeze; you are member.");
        assertThat(p.run(ADMIN, "/deploy v1.0.0 to production --emergency \"\"").text()).contains("`--emergency` needs a reason");
        assertThat(p.run(ADMIN, "/deploy v1.0.0 to production --emergency").text()).containsIgnoringCase("emergency");
        long request = p.request(ADMIN, "/deploy v1.0.0 to production --emergency \"checkout is down\"");
        assertThat(fx.awaitCard(request, c -> c.contains("Approval needed"), "asking")).contains("Emergency override of a freeze: checkout is down");
        String approved = p.click(LEAD, fx.cardButton(request, "Approve"));
        Matcher started = STARTED.matcher(approved);
        assertThat(started.find()).as(approved).isTrue();
        long id = Long.parseLong(started.group(1));
        assertThat(fx.awaitState(id, "created on GitHub")).contains(":rotating_light: Emergency override of a freeze: checkout is down");
        assertThat(p.run(ALICE, "/deploy list production").text()).contains(":rotating_light: emergency: checkout is down");
        Await.until(() -> fx.app.capstan().database().jdbi().withHandle(h -> h.createQuery(
                        "select count(*) from audit_log where user_id = :u and raw_text like '%--emergency \"checkout is down\"%'")
                .bind("u", ADMIN).mapTo(Integer.class).one()), n -> n >= 1, Duration.ofSeconds(20), "the override in the audit log");

        SlashReply hotfix = p.run(BOB, "/deploy release/1.2 to test --emergency \"hotfix for INC-7\"");
        assertThat(hotfix.text()).contains(":rocket: Deployment #", "The freeze is overridden: hotfix for INC-7");
    }

    @Test
    void anEmergencyReasonWithoutAFreezeIsNotNeededAndNotKept() {
        fx.clock.set(DeployFixture.WEDNESDAY);
        DeployFixture.Project p = fx.project();
        SlashReply reply = p.run(BOB, "/deploy release/1.2 to test --emergency \"just in case\"");
        assertThat(reply.text()).contains(":rocket: Deployment #", "`test` is not frozen, so `--emergency` was not needed.");
        Matcher started = STARTED.matcher(reply.text());
        assertThat(started.find()).isTrue();
        assertThat(fx.awaitState(Long.parseLong(started.group(1)), "created on GitHub")).doesNotContain("Emergency");
    }

    @Test
    void automaticDeploymentsDuringAFreezeAreHeldTheChannelIsToldOnceAndTheLatestStartsWhenItEnds() {
        DeployFixture.Project p = fx.project();
        assertThat(fx.gitHubEvent("push", p.push("refs/heads/release/1.2", DeployFixture.SHA_RELEASE, "alice-gh")).body()).contains("held until");
        fx.repos.ref(p.repo(), "refs/heads/release/1.2", SHA_HOTFIX);
        assertThat(fx.gitHubEvent("push", p.push("refs/heads/release/1.2", SHA_HOTFIX, "bob-gh")).body()).contains("held until");
        assertThat(fx.app.slack().awaitMessages(c -> p.channel().equals(c.arg("channel")) && c.arg("text").contains("is frozen until"), 1).get(0)
                .arg("text")).contains("`test` is frozen until Mon 30 Mar 2026 08:00 EDT (America/New_York)", "the latest of them starts");
        assertThat(p.run(ALICE, "/deploy list test").text()).contains("No deployments");

        fx.clock.set(Instant.parse("2026-03-30T11:59:59Z"));
        fx.app.runDueJobs();
        assertThat(p.run(ALICE, "/deploy list test").text()).contains("No deployments");
        fx.clock.set(Instant.parse("2026-03-30T12:00:01Z"));
        fx.app.runDueJobs();
        String list = p.run(ALICE, "/deploy list test").text();
        assertThat(list.lines().filter(l -> l.startsWith("•"))).hasSize(1);
        assertThat(list).contains("`release/1.2` `5555555`", "`bob-gh` (GitHub)");
        assertThat(fx.app.slack().calls("chat.postMessage")).filteredOn(c -> p.channel().equals(c.arg("channel"))
                && c.arg("text").contains("is frozen until")).hasSize(1);
    }

    @Test
    void statusAndFreezeListShowTheCurrentAndNextWindowsInEachWindowsZone() {
        DeployFixture.Project p = fx.project();
        String list = p.run(ALICE, "/deploy freeze list").text();
        assertThat(list).contains("*production*: :snowflake: frozen now, since Fri 27 Mar 2026 16:00 CET (Europe/Stockholm) until "
                + "Mon 30 Mar 2026 09:00 CEST (Europe/Stockholm); next from Fri 3 Apr 2026 16:00 CEST (Europe/Stockholm) to Mon 6 Apr 2026 08:00 CEST");
        assertThat(list).contains("from each `0 16 * * FRI` for 64h (Europe/Stockholm)", "from Wed 23 Dec 2026 00:00 CET (Europe/Stockholm) to Sat 2 Jan 2027 00:00 CET");
        assertThat(list).contains("*test*: :snowflake: frozen now", "until Mon 30 Mar 2026 08:00 EDT (America/New_York)").doesNotContain("*staging*");
        assertThat(p.run(ALICE, "/deploy status production").text()).contains(":snowflake: frozen until Mon 30 Mar 2026 09:00 CEST (Europe/Stockholm)",
                "needs 1 approval from someone with role team_lead or above");
        assertThat(p.run(ALICE, "/deploy freeze list staging").text()).contains("No freeze windows are configured for `staging`");
        assertThat(p.run(ALICE, "/deploy freeze").text()).containsIgnoringCase("list");

        fx.clock.set(DeployFixture.WEDNESDAY);
        assertThat(p.run(ALICE, "/deploy freeze list production").text())
                .contains(":sunny: not frozen; next from Fri 27 Mar 2026 16:00 CET (Europe/Stockholm) to Mon 30 Mar 2026 09:00 CEST");
        fx.clock.set(Instant.parse("2026-12-24T10:00:00Z"));
        assertThat(p.run(ALICE, "/deploy freeze list production").text())
                .contains("frozen now, since Wed 23 Dec 2026 00:00 CET (Europe/Stockholm) until Mon 4 Jan 2027 08:00 CET (Europe/Stockholm)");
    }
}
