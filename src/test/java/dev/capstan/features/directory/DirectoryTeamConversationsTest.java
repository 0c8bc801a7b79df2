package dev.capstan.features.directory;

import static dev.capstan.features.directory.DirectoryFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.FakeSlack;
import dev.capstan.support.SlashReply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conversations with `/capstan team …` and `/capstan export emails`, GitHub first; runs on H2 and on PostgreSQL. */
class DirectoryTeamConversationsTest extends DirectoryConversationOnEveryDatabase {
    @Override
    String settings() {
        return """
                families:
                  directory:
                    leads_team: leads
                    admins_team: admins
                """;
    }

    @Test
    void aLeadCreatesATeamOnGitHubAndBecomesItsLeadMemberAndMaintainer() {
        String lead = fx.lead();
        String name = "web-" + lead.toLowerCase();
        assertThat(fx.slow(lead, "/capstan team create " + name + " --displayname \"Web team\" --platform React"))
                .contains("Created team `" + name + "` on GitHub and here, led by <@" + lead + ">");
        assertThat(fx.github.teamNamed(name).members()).containsEntry(lead.toLowerCase(), "maintainer");
        String view = fx.run(ADMIN, "/capstan team view " + name.toUpperCase()).text();
        assertThat(view).contains("*Leads:* <@" + lead + ">").contains("*Members (1):* <@" + lead + ">").contains("Web team").contains("React");
        assertThat(fx.run(lead, "/capstan team list").text()).contains("`" + name + "` Web team (1 member)");
        assertThat(fx.run(lead, "/capstan whoami").text()).contains("Teams: `" + name + "` (lead)");
    }

    @Test
    void aMemberCannotCreateATeam() {
        String member = fx.person();
        assertThat(fx.run(member, "/capstan team create nope-" + member).text()).contains("can't run").contains("team_lead");
    }

    @Test
    void anUnknownLeadIsRefusedBeforeGitHubIsAskedSoNoOrphanTeamIsLeft() {
        String ghost = DirectoryFixture.newUserId();
        String name = "orphan-" + ghost.toLowerCase();
        assertThat(fx.slow(ADMIN, "/capstan team create " + name + " --lead " + ghost)).contains("is not registered");
        assertThat(fx.github.teamNamed(name)).isNull();
        assertThat(fx.run(ADMIN, "/capstan team view " + name).text()).contains("There is no team named");
    }

    @Test
    void aSecondTeamWithTheSameNameOrABadNameGetsAClearReply() {
        String lead = fx.lead();
        String name = fx.team(lead);
        assertThat(fx.slow(ADMIN, "/capstan team create " + name.toUpperCase())).contains("already exists");
        assertThat(fx.slow(ADMIN, "/capstan team create \"two words\"")).contains("cannot be a team name");
    }

    @Test
    void whenGitHubRefusesATeamNothingIsCreatedHere() {
        String lead = fx.lead();
        String name = "refused-" + lead.toLowerCase();
        fx.github.failNext("POST", "/orgs/launchpad/teams", 422, "Validation Failed");
        assertThat(fx.slow(lead, "/capstan team create " + name)).contains("GitHub refused to create team").contains("Validation Failed");
        assertThat(fx.run(lead, "/capstan team view " + name).text()).contains("There is no team named");
    }

    @Test
    void creatingFromAChannelAddsItsRegisteredMembersAndSaysWhoCouldNotBeAdded() {
        String lead = fx.lead();
        String linked = fx.person();
        String unlinked = DirectoryFixture.newUserId();
        fx.run(unlinked, "/capstan user add");
        String stranger = DirectoryFixture.newUserId();
        fx.app.slack().scriptNext("conversations.members", new FakeSlack.Scripted(200, Map.of(), "{\"ok\":true,\"members\":[\""
                + lead + "\",\"" + linked + "\"],\"response_metadata\":{\"next_cursor\":\"page2\"}}"));
        fx.app.slack().scriptNext("conversations.members", new FakeSlack.Scripted(200, Map.of(), "{\"ok\":true,\"members\":[\""
                + unlinked + "\",\"" + stranger + "\"],\"response_metadata\":{\"next_cursor\":\"\"}}"));
        String name = "chan-" + lead.toLowerCase();
        String reply = fx.slow(lead, "/capstan team create " + name + " --channel <#CPROJECT|project>");
        assertThat(reply).contains("added 1 (<@" + linked + ">)").contains("Could not add 2")
                .contains("<@" + unlinked + ">: no GitHub login linked").contains("<@" + stranger + ">: not registered in the directory");
        assertThat(fx.github.teamNamed(name).members()).containsKeys(lead.toLowerCase(), linked.toLowerCase());
        assertThat(fx.app.slack().calls("conversations.members")).anyMatch(c -> "page2".equals(c.arg("cursor")));
    }

    @Test
    void adminsAndLeadsOfThisTeamAddMembersButOtherLeadsAndMembersCannot() {
        String lead = fx.lead();
        String otherLead = fx.lead();
        String member = fx.person();
        String newcomer = fx.person();
        String another = fx.person();
        String team = fx.team(lead);
        fx.team(otherLead);
        fx.slow(ADMIN, "/capstan team add " + team + " " + member);
        assertThat(fx.slow(member, "/capstan team add " + team + " " + newcomer))
                .contains("Only admins and leads of team `" + team + "` can add members to it").contains("You lead no team");
        assertThat(fx.slow(otherLead, "/capstan team add " + team + " " + newcomer)).contains("Only admins and leads of team");
        assertThat(fx.slow(lead, "/capstan team add " + team + " <@" + newcomer + "|newcomer>")).contains("Added <@" + newcomer + ">").contains("on GitHub too");
        assertThat(fx.slow(ADMIN, "/capstan team add " + team + " " + another)).contains("Added <@" + another + ">");
        assertThat(fx.slow(ADMIN, "/capstan team add " + team + " " + another)).contains("already in team");
        assertThat(fx.github.teamNamed(team).members()).containsEntry(newcomer.toLowerCase(), "member").containsKey(another.toLowerCase());
        assertThat(fx.run(member, "/capstan team view " + team).text()).contains("*Members (4):*");
    }

    @Test
    void someoneWithoutAGitHubLoginIsNotAddedAndTheReplySaysHowToLinkOne() {
        String lead = fx.lead();
        String team = fx.team(lead);
        String unlinked = DirectoryFixture.newUserId();
        fx.run(unlinked, "/capstan user add");
        assertThat(fx.slow(lead, "/capstan team add " + team + " " + unlinked)).contains("has no GitHub login linked").contains("--github");
        assertThat(fx.run(lead, "/capstan team view " + team).text()).doesNotContain(unlinked);
    }

    @Test
    void whenGitHubRefusesAnAdditionOrRemovalTheTeamStaysAsItWas() {
        String lead = fx.lead();
        String member = fx.person();
        String team = fx.team(lead);
        fx.github.failNext("PUT", "/memberships/" + member.toLowerCase(), 403, "Resource not accessible by integration");
        assertThat(fx.slow(lead, "/capstan team add " + team + " " + member)).contains("Resource not accessible by integration");
        assertThat(fx.run(lead, "/capstan team view " + team).text()).doesNotContain("<@" + member + ">");
        fx.slow(lead, "/capstan team add " + team + " " + member);
        fx.github.failNext("DELETE", "/memberships/" + member.toLowerCase(), 422, "Cannot remove the last maintainer");
        assertThat(fx.slow(lead, "/capstan team remove " + team + " " + member)).contains("Cannot remove the last maintainer");
        assertThat(fx.run(lead, "/capstan team view " + team).text()).contains("<@" + member + ">");
    }

    @Test
    void leadsAreAlwaysMembersAndStopLeadingWithoutLeavingUntilRemoved() {
        String lead = fx.lead();
        String second = fx.person();
        String team = fx.team(lead);
        assertThat(fx.slow(lead, "/capstan team lead " + team + " " + second)).contains("now leads team").contains("GitHub team maintainer");
        assertThat(fx.github.teamNamed(team).members()).containsEntry(second.toLowerCase(), "maintainer");
        assertThat(fx.run(lead, "/capstan team view " + team).text()).contains("*Members (2):*");
        assertThat(fx.slow(second, "/capstan team lead " + team + " " + lead + " --remove")).contains("no longer leads").contains("stay a member");
        assertThat(fx.github.teamNamed(team).members()).containsEntry(lead.toLowerCase(), "member");
        assertThat(fx.slow(second, "/capstan team remove " + team + " " + lead)).contains("Removed <@" + lead + ">");
        assertThat(fx.github.teamNamed(team).members()).doesNotContainKey(lead.toLowerCase());
        assertThat(fx.slow(second, "/capstan team remove " + team + " " + lead)).contains("is not in team");
        assertThat(fx.slow(second, "/capstan team lead " + team + " " + lead + " --remove")).contains("does not lead");
    }

    @Test
    void editingATeamRenamesItOnGitHubFirstAndClearsAFieldWithAnEmptyValue() {
        String lead = fx.lead();
        String team = fx.team(lead);
        String renamed = team + "-new";
        assertThat(fx.slow(lead, "/capstan team edit " + team + " --platform Go --folder 1AbC")).contains("Updated team `" + team + "`");
        fx.github.failNext("PATCH", "/teams/" + team, 422, "Name must be unique for this org");
        assertThat(fx.slow(lead, "/capstan team edit " + team + " --github " + renamed)).contains("Name must be unique for this org");
        assertThat(fx.run(lead, "/capstan team view " + team).text()).contains("Go");
        assertThat(fx.slow(lead, "/capstan team edit " + team + " --github " + renamed + " --platform \"\""))
                .contains("renamed from `" + team + "`");
        assertThat(fx.github.teamNamed(renamed)).isNotNull();
        String view = fx.run(lead, "/capstan team view " + renamed).text();
        assertThat(view).contains("<@" + lead + ">").contains("1AbC").doesNotContain("Go");
        assertThat(fx.slow(fx.person(), "/capstan team edit " + renamed + " --platform x")).contains("Only admins and leads");
    }

    @Test
    void deletingATeamAsksFirstAndRemovesTheGitHubTeamBeforeOurs() {
        String lead = fx.lead();
        String member = fx.person();
        String team = fx.team(lead);
        fx.slow(lead, "/capstan team add " + team + " " + member);
        assertThat(fx.run(member, "/capstan team delete " + team).text()).contains("Only admins and leads of team");
        SlashReply ask = fx.run(lead, "/capstan team delete " + team);
        assertThat(ask.text()).contains("Delete team `" + team + "`, its 2 memberships and the GitHub team?").doesNotContain(",?");
        fx.github.failNext("DELETE", "/team/", 403, "Must have admin rights");
        SlashReply click = fx.app.as(lead).click(ask.button("Confirm"));
        assertThat(fx.awaitPost(click.responseUrl(), "GitHub refused")).contains("Must have admin rights");
        assertThat(fx.run(lead, "/capstan team view " + team).text()).contains("<@" + member + ">");
        SlashReply again = fx.run(lead, "/capstan team delete " + team);
        SlashReply confirm = fx.app.as(lead).click(again.button("Confirm"));
        assertThat(fx.awaitPost(confirm.responseUrl(), "Deleted team")).contains("here and on GitHub");
        assertThat(fx.github.teamNamed(team)).isNull();
        assertThat(fx.run(lead, "/capstan team view " + team).text()).contains("There is no team named");
    }

    @Test
    void joiningTheConfiguredLeadsAndAdminsTeamsGrantsRolesAndLeavingTakesThemBack() {
        String owner = fx.lead();
        assertThat(fx.slow(ADMIN, "/capstan team create leads --lead " + owner)).contains("Created team");
        assertThat(fx.slow(ADMIN, "/capstan team create admins --lead " + owner)).contains("Created team");
        assertThat(fx.run(owner, "/capstan whoami").text()).contains("role *admin*");
        String person = fx.person();
        assertThat(fx.slow(ADMIN, "/capstan team add leads " + person)).contains("Added");
        assertThat(fx.run(person, "/capstan whoami").text()).contains("role *team_lead*");
        fx.slow(ADMIN, "/capstan team add admins " + person);
        assertThat(fx.run(person, "/capstan whoami").text()).contains("role *admin*");
        fx.slow(ADMIN, "/capstan team remove admins " + person);
        assertThat(fx.run(person, "/capstan whoami").text()).contains("role *team_lead*");
        fx.slow(ADMIN, "/capstan team remove leads " + person);
        assertThat(fx.run(person, "/capstan whoami").text()).contains("role *member*");
    }

    @Test
    void exportingEmailsGivesACopyableBlockAndNamesWhoHasNone() {
        String lead = fx.lead();
        String member = fx.person();
        String team = fx.team(lead);
        String noEmail = DirectoryFixture.newUserId();
        fx.run(noEmail, "/capstan user add");
        fx.slow(lead, "/capstan team add " + team + " " + member);
        fx.app.capstan().database().jdbi().useHandle(h -> h.execute(
                "insert into directory_members (team_key, user_id, is_lead) values (?, ?, false)", team, noEmail));
        assertThat(fx.run(member, "/capstan export emails").text()).contains("can't run").contains("team_lead");
        SlashReply export = fx.run(lead, "/capstan export emails --team " + team);
        assertThat(export.text()).contains("2 email addresses in team `" + team + "`")
                .contains(lead.toLowerCase() + "@example.com\n" + member.toLowerCase() + "@example.com")
                .contains("*No email (1):* <@" + noEmail + ">");
        assertThat(export.body()).as("a copyable code block").contains("```");
        assertThat(fx.run(lead, "/capstan export emails --team nosuchteam").text()).contains("There is no team named");
    }

    @Test
    void aLongEmailExportIsSplitAcrossBlocksAndNeverCut() {
        var jdbi = fx.app.capstan().database().jdbi();
        for (int i = 0; i < 400; i++) {
            String id = "UBULK" + String.format("%05d", i);
            jdbi.useHandle(h -> h.execute("insert into directory_profiles (user_id, email, created_at) values (?, ?, current_timestamp)",
                    id, id.toLowerCase() + "@bulk.example.com"));
        }
        String everything = fx.run(ADMIN, "/capstan export emails").text();
        for (int i = 0; i < 400; i++) {
            assertThat(everything).contains("ubulk" + String.format("%05d", i) + "@bulk.example.com");
        }
    }

    @Test
    void refreshReconcilesEveryPageFromGitHubAndNeverReAddsPeopleWhoLeft() {
        String lead = fx.lead();
        String stays = fx.person();
        String leaves = fx.person();
        String joins = fx.person();
        String team = fx.team(lead);
        fx.slow(lead, "/capstan team add " + team + " " + stays);
        fx.slow(lead, "/capstan team add " + team + " " + leaves);
        var onGitHub = fx.github.teamNamed(team).members();
        onGitHub.remove(leaves.toLowerCase());
        onGitHub.put(joins.toLowerCase(), "maintainer");
        onGitHub.put("nobody-we-know", "member");
        fx.github.team("design-" + lead.toLowerCase()).members().put(stays.toLowerCase(), "member");
        fx.github.pageLimit(2);
        assertThat(fx.run(stays, "/capstan team refresh").text()).contains("can't run").contains("admin");
        String report = fx.slow(ADMIN, "/capstan team refresh");
        fx.github.pageLimit(100);
        assertThat(report).contains("<@" + leaves + "> left `" + team + "`").contains("<@" + joins + "> joined `" + team + "` as lead")
                .contains("added `design-" + lead.toLowerCase() + "` from GitHub")
                .contains("<@" + stays + "> joined `design-" + lead.toLowerCase() + "`")
                .contains("linked to nobody in the directory");
        assertThat(fx.github.calls()).anyMatch(c -> c.path().startsWith("/orgs/launchpad/teams?") && c.path().contains("page=2"));
        assertThat(fx.github.calls()).anyMatch(c -> c.path().contains("/members?") && c.path().contains("page=2"));
        String view = fx.run(ADMIN, "/capstan team view " + team).text();
        assertThat(view).contains("<@" + stays + ">").contains("<@" + joins + ">").doesNotContain("<@" + leaves + ">");
        assertThat(fx.slow(ADMIN, "/capstan team refresh")).contains("already in step");
    }
}
