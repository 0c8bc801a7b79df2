package dev.capstan.features.directory;

import static dev.capstan.features.directory.DirectoryFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.SlashReply;
import org.junit.jupiter.api.Test;

/** Conversations with `/capstan user …` and `/capstan karma …`; runs on H2 and on PostgreSQL. */
class DirectoryConversationsTest extends DirectoryConversationOnEveryDatabase {

    @Test
    void aNewcomerRegistersAndSeesTheirEmptyProfileCard() {
        String me = DirectoryFixture.newUserId();
        assertThat(fx.run(me, "/capstan user view").text()).contains("not registered yet").contains("/capstan user add");
        assertThat(fx.run(me, "/capstan user add").text()).contains("You are registered");
        String card = fx.run(me, "/capstan user view").text();
        assertThat(card).contains("<@" + me + ">").contains("*Role*\nmember").contains("*Karma*\n0").contains("No bio yet");
    }

    @Test
    void registeringAgainChangesNothingUnlessForcedAndForcingSaysWhatWasCleared() {
        String me = fx.person();
        assertThat(fx.run(me, "/capstan user add").text()).contains("already registered").contains("nothing was changed");
        assertThat(fx.run(me, "/capstan user view").text()).contains("Person " + me);
        assertThat(fx.run(me, "/capstan user add -f").text()).contains("re-created").contains("name, email")
                .contains("team memberships, role and karma are kept");
        assertThat(fx.run(me, "/capstan user view").text()).doesNotContain("Person " + me);
    }

    @Test
    void youEditYourOwnFieldsAndAnEmptyValueClearsOne() {
        String me = DirectoryFixture.newUserId();
        fx.run(me, "/capstan user add");
        assertThat(fx.slow(me, "/capstan user edit --name \"Ada Lovelace\" --pos Engineer --major Maths --bio \"Likes engines\""))
                .contains("Updated your profile: name, position, major, bio");
        assertThat(fx.run(me, "/capstan user view").text()).contains("Ada Lovelace").contains("Engineer").contains("Likes engines");
        assertThat(fx.slow(me, "/capstan user edit --bio \"\"")).contains("bio cleared");
        assertThat(fx.run(me, "/capstan user view").text()).doesNotContain("Likes engines").contains("No bio yet");
    }

    @Test
    void linkingGitHubInvitesTheLoginToTheOrganisationAndShowsInWhoami() {
        String me = DirectoryFixture.newUserId();
        fx.github.account("octo-" + me.toLowerCase(), 9001);
        fx.run(me, "/capstan user add");
        assertThat(fx.slow(me, "/capstan user edit --github octo-" + me.toLowerCase())).contains("in the organisation: invited");
        assertThat(fx.github.isOrgMember("octo-" + me.toLowerCase())).isTrue();
        assertThat(fx.run(me, "/capstan user view --github OCTO-" + me.toLowerCase()).text()).contains("<@" + me + ">");
        assertThat(fx.run(me, "/capstan whoami").text()).contains("GitHub: `octo-" + me.toLowerCase() + "`");
    }

    @Test
    void whenGitHubRefusesTheInvitationNothingChangesAndTheUserReadsWhatGitHubSaid() {
        String me = fx.person();
        fx.github.account("blocked-" + me.toLowerCase(), 9002);
        fx.github.failNext("PUT", "/memberships/blocked-", 422, "User is blocked from this organization");
        String reply = fx.slow(me, "/capstan user edit --github blocked-" + me.toLowerCase() + " --bio changed");
        assertThat(reply).contains("GitHub refused").contains("User is blocked from this organization").contains("Nothing was changed");
        String card = fx.run(me, "/capstan user view").text();
        assertThat(card).contains("`" + me.toLowerCase() + "`").doesNotContain("blocked-").doesNotContain("changed");
    }

    @Test
    void aNewGitHubLoginTakesTheOldOnesPlaceInEveryGitHubTeam() {
        String lead = fx.lead();
        String team = fx.team(lead);
        String renamed = "renamed-" + lead.toLowerCase();
        fx.github.account(renamed, 9004);
        assertThat(fx.slow(lead, "/capstan user edit --github " + renamed)).contains("it replaced the old login in 1 GitHub team)");
        assertThat(fx.github.teamNamed(team).members()).containsEntry(renamed, "maintainer").doesNotContainKey(lead.toLowerCase());
    }

    @Test
    void aGitHubServerErrorIsRetriedAndTheUserSeesOnlyTheOutcome() {
        String me = fx.person();
        fx.github.account("retry-" + me.toLowerCase(), 9003);
        fx.github.failNext("PUT", "/memberships/retry-", 502, "Server Error");
        assertThat(fx.slow(me, "/capstan user edit --github retry-" + me.toLowerCase())).contains("in the organisation: invited");
        assertThat(fx.github.calls()).filteredOn(c -> c.method().equals("PUT") && c.path().contains("/memberships/retry-")).hasSizeGreaterThan(1);
    }

    @Test
    void anUnknownGitHubLoginIsRefusedWithGitHubsAnswer() {
        String me = fx.person();
        assertThat(fx.slow(me, "/capstan user edit --github no-such-login")).contains("HTTP 404").contains("Not Found");
        assertThat(fx.run(me, "/capstan user view").text()).doesNotContain("no-such-login");
    }

    @Test
    void badInputGetsAClearReplyAndChangesNothing() {
        String me = fx.person();
        assertThat(fx.slow(me, "/capstan user edit --email not-an-email")).contains("is not an email address");
        assertThat(fx.slow(me, "/capstan user edit --github \"bad login!\"")).contains("is not a GitHub login");
        assertThat(fx.slow(me, "/capstan user edit")).contains("Nothing to change");
        assertThat(fx.run(me, "/capstan user edit --bio \"unbalanced").text()).contains("Unbalanced double quote");
        assertThat(fx.run(me, "/capstan user view --username bob").text()).contains("is not a Slack user");
        assertThat(fx.run(me, "/capstan user view").text()).contains(me.toLowerCase() + "@example.com");
    }

    @Test
    void aBadPermissionValueIsNamedInTheReply() {
        String someone = fx.person();
        assertThat(fx.slow(ADMIN, "/capstan user edit --username " + someone + " --permission boss"))
                .contains("`--permission` must be member, team_lead or admin, not `boss`");
        assertThat(fx.run(someone, "/capstan whoami").text()).contains("role *member*");
    }

    @Test
    void onlyAdminsChangeRoles() {
        String lead = fx.lead();
        String member = fx.person();
        fx.team(lead);
        assertThat(fx.slow(member, "/capstan user edit --permission admin")).contains("Only admins can change a role");
        assertThat(fx.slow(lead, "/capstan user edit --username " + member + " --permission team_lead"))
                .contains("Only admins can change a role");
        assertThat(fx.run(member, "/capstan whoami").text()).contains("role *member*");
        assertThat(fx.slow(ADMIN, "/capstan user edit --username <@" + member + "|someone> --permission team_lead"))
                .contains("role *team_lead*");
        assertThat(fx.run(member, "/capstan whoami").text()).contains("role *team_lead*");
    }

    @Test
    void aMemberEditsOnlyThemselvesALeadEditsTheirTeamsMembersAndAnAdminEditsAnyone() {
        String lead = fx.lead();
        String otherLead = fx.lead();
        String member = fx.person();
        String outsider = fx.person();
        String team = fx.team(lead);
        fx.team(otherLead);
        assertThat(fx.slow(ADMIN, "/capstan team add " + team + " " + member)).contains("Added");
        assertThat(fx.slow(outsider, "/capstan user edit --username " + member + " --pos Hacker"))
                .contains("You can edit only your own profile").contains("You lead no team");
        assertThat(fx.slow(otherLead, "/capstan user edit --username " + member + " --pos Hacker"))
                .contains("You can edit only your own profile").contains("You lead: team-");
        assertThat(fx.slow(lead, "/capstan user edit --username " + member + " --pos Hacker")).contains("Updated <@" + member + ">'s profile");
        assertThat(fx.slow(ADMIN, "/capstan user edit --username " + outsider + " --pos Visitor")).contains("Updated");
        assertThat(fx.run(member, "/capstan user view").text()).contains("Hacker");
    }

    @Test
    void viewingByEmailShowsEveryMatchWithAWarningAndInspectShowsTeams() {
        String first = fx.person();
        String second = fx.person();
        String shared = "shared-" + first.toLowerCase() + "@example.com";
        fx.slow(first, "/capstan user edit --email " + shared);
        fx.slow(second, "/capstan user edit --email " + shared.toUpperCase());
        String both = fx.run(first, "/capstan user view --email " + shared).text();
        assertThat(both).contains("2 profiles match").contains("<@" + first + ">").contains("<@" + second + ">");
        String team = fx.team(first);
        assertThat(fx.run(second, "/capstan user view --username " + first + " --inspect").text())
                .contains("*Member of:* `" + team + "`").contains("*Leading:* `" + team + "`");
        assertThat(fx.run(second, "/capstan user view --email nobody@example.com").text()).contains("No profile found");
    }

    @Test
    void onlyAdminsDeleteProfilesAndTheReplySaysWhenThereWasNone() {
        String lead = fx.lead();
        String member = fx.person();
        String team = fx.team(lead);
        fx.slow(ADMIN, "/capstan team add " + team + " " + member);
        assertThat(fx.run(lead, "/capstan user delete " + member).text()).contains("can't run").contains("admin");
        assertThat(fx.run(ADMIN, "/capstan user delete " + member).text()).contains("Deleted <@" + member + ">'s profile and 1 team membership");
        assertThat(fx.run(ADMIN, "/capstan team view " + team).text()).doesNotContain(member);
        assertThat(fx.run(ADMIN, "/capstan user delete " + member).text()).contains("has no profile");
    }

    @Test
    void karmaGoesUpByOneForSomeoneElseWhoGetsADmAndWorksWithEitherMentionForm() {
        String giver = fx.person();
        String receiver = fx.person();
        SlashReply plus = fx.run(giver, "/capstan <@" + receiver + "|someone> ++");
        assertThat(plus.text()).contains("gave karma to <@" + receiver + ">").contains("now 1");
        assertThat(plus.responseType()).isEqualTo("in_channel");
        assertThat(fx.run(giver, "/rocket <@" + receiver + "> ++").text()).contains("now 2");
        assertThat(fx.app.slack().awaitDms(receiver, 2)).extracting(dm -> dm.arg("text")).anyMatch(text -> text.contains("You now have 2"));
        assertThat(fx.run(giver, "/capstan karma view <@" + receiver + ">").text()).contains("has 2 karma");
    }

    @Test
    void nobodyGivesKarmaToThemselves() {
        String me = fx.person();
        assertThat(fx.run(me, "/capstan <@" + me + "> ++").text()).contains("can't give karma to yourself");
        assertThat(fx.run(me, "/capstan karma view").text()).contains("has 0 karma");
    }

    @Test
    void adminsSetKarmaZeroReadsBackAsZeroAndResetNeedsAll() {
        String member = fx.person();
        String other = fx.person();
        fx.run(other, "/capstan <@" + member + "> ++");
        assertThat(fx.run(member, "/capstan karma set " + member + " 50").text()).contains("can't run");
        assertThat(fx.run(ADMIN, "/capstan karma set " + member + " 0").text()).contains("now has 0 karma");
        assertThat(fx.run(other, "/capstan karma view " + member).text()).contains("has 0 karma");
        fx.run(ADMIN, "/capstan karma set " + member + " 7");
        assertThat(fx.run(ADMIN, "/capstan karma reset").text()).contains("add `--all`");
        assertThat(fx.run(other, "/capstan karma view " + member).text()).contains("has 7 karma");
        assertThat(fx.run(ADMIN, "/capstan karma reset --all").text()).contains("Karma reset to 0 for everyone");
        assertThat(fx.run(other, "/capstan karma view " + member).text()).contains("has 0 karma");
    }

    @Test
    void workspaceIdsOfElevenCharactersAreRecognisedInMentions() {
        String giver = fx.person();
        String enterprise = "W0ENTERPRISE01";
        assertThat(fx.run(giver, "/capstan <@" + enterprise + "> ++").text()).contains("gave karma to <@" + enterprise + ">");
        assertThat(fx.run(giver, "/capstan karma view <@" + enterprise + "|ent>").text()).contains("has 1 karma");
    }
}
