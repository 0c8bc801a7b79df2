package dev.capstan.features.directory;

import static dev.capstan.features.directory.DirectoryFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GitHub refusing or failing during team lead, lead --remove and refresh; help and usage errors; negative karma. */
class DirectoryGitHubFailuresTest extends DirectoryConversation {

    @Test
    void whenGitHubRefusesToMakeSomeoneAMaintainerTheyDoNotBecomeALead() {
        String lead = fx.lead();
        String member = fx.person();
        String team = fx.team(lead);
        fx.slow(lead, "/capstan team add " + team + " " + member);
        fx.github.failNext("PUT", "/memberships/" + member.toLowerCase(), 403, "Resource not accessible by integration");
        assertThat(fx.slow(lead, "/capstan team lead " + team + " " + member)).contains("GitHub refused")
                .contains("Resource not accessible by integration").contains("Nothing was changed");
        assertThat(fx.run(lead, "/capstan team view " + team).text()).contains("*Leads:* <@" + lead + ">\n");
        assertThat(fx.github.teamNamed(team).members()).containsEntry(member.toLowerCase(), "member");
    }

    @Test
    void whenGitHubRefusesToStopSomeoneMaintainingTheyStayALead() {
        String lead = fx.lead();
        String second = fx.person();
        String team = fx.team(lead);
        fx.slow(lead, "/capstan team lead " + team + " " + second);
        fx.github.failNext("PUT", "/memberships/" + second.toLowerCase(), 422, "Cannot demote the last maintainer");
        assertThat(fx.slow(lead, "/capstan team lead " + team + " " + second + " --remove")).contains("Cannot demote the last maintainer");
        assertThat(fx.run(lead, "/capstan team view " + team).text()).contains("<@" + second + ">").contains("*Leads:* <@");
        assertThat(fx.slow(lead, "/capstan team lead " + team + " " + second + " --remove")).contains("no longer leads");
        assertThat(fx.github.teamNamed(team).members()).containsEntry(second.toLowerCase(), "member");
    }

    @Test
    void whenGitHubRefusesTheTeamListRefreshChangesNothingAndSaysWhy() {
        String lead = fx.lead();
        String team = fx.team(lead);
        fx.github.teamNamed(team).members().remove(lead.toLowerCase());
        fx.github.failNext("GET", "/orgs/launchpad/teams", 403, "Resource not accessible by integration");
        assertThat(fx.slow(ADMIN, "/capstan team refresh")).contains("GitHub refused").contains("Resource not accessible by integration");
        assertThat(fx.run(ADMIN, "/capstan team view " + team).text()).contains("<@" + lead + ">");
        fx.github.failNext("GET", "/orgs/launchpad/teams", 502, "Server Error");
        assertThat(fx.slow(ADMIN, "/capstan team refresh")).contains("Checked").contains("<@" + lead + "> left `" + team + "`");
        assertThat(fx.run(ADMIN, "/capstan team view " + team).text()).doesNotContain("*Members (1):* <@" + lead + ">");
    }

    @Test
    void anAdminSetsNegativeKarma() {
        String member = fx.person();
        assertThat(fx.run(ADMIN, "/capstan karma set <@" + member + "> -5").text()).contains("now has -5 karma");
        assertThat(fx.run(member, "/capstan karma view").text()).contains("has -5 karma");
        assertThat(fx.run(ADMIN, "/capstan karma set <@" + member + "> lots").text()).contains("lots").contains("POINTS");
    }

    @Test
    void everyDirectoryCommandHasHelpAndAMistakeGetsItsUsage() {
        assertThat(fx.run(ADMIN, "/capstan team create -h").text()).contains("Usage:").contains("--displayname").contains("--lead");
        assertThat(fx.run(ADMIN, "/capstan user edit --help").text()).contains("--github").contains("--permission");
        assertThat(fx.run(ADMIN, "/capstan team add onlyateam").text()).contains("Missing required parameter").contains("USER");
        assertThat(fx.run(ADMIN, "/capstan team lead x y --demote").text()).contains("Unknown option").contains("--demote");
        assertThat(fx.run(ADMIN, "/capstan team creat x").text()).contains("Did you mean").contains("create");
    }
}
