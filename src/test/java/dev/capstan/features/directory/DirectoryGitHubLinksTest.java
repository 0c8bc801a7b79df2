package dev.capstan.features.directory;

import static dev.capstan.features.directory.DirectoryFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Linking, replacing and clearing GitHub logins: owners keep their role, one login one profile, truthful partial failures. */
class DirectoryGitHubLinksTest extends DirectoryConversationOnEveryDatabase {
    @Override
    String settings() {
        return """
                families:
                  directory:
                    leads_team: leads
                """;
    }

    @Test
    void anOrganisationOwnerWhoLinksTheirLoginStaysAnOwner() {
        String me = fx.person();
        String owner = "owner-" + me.toLowerCase();
        fx.github.orgOwner(owner, 8001);
        assertThat(fx.slow(me, "/capstan user edit --github " + owner)).contains("GitHub login `" + owner + "`")
                .contains("whose role is kept");
        assertThat(fx.github.orgRole(owner)).isEqualTo("admin");
        assertThat(fx.gitHubChanges()).noneMatch(change -> change.contains("/orgs/launchpad/memberships/" + owner));
    }

    @Test
    void someoneNotInTheOrganisationIsInvitedAsAMember() {
        String me = fx.person();
        assertThat(fx.github.orgRole(me.toLowerCase())).isEqualTo("member");
        assertThat(fx.gitHubChanges()).contains("PUT /orgs/launchpad/memberships/" + me.toLowerCase());
    }

    @Test
    void aLoginLinkedToSomeoneElsesProfileIsRefusedNamingThemBeforeGitHubIsAsked() {
        String first = fx.person();
        String second = fx.person();
        int callsBefore = fx.github.calls().size();
        assertThat(fx.slow(second, "/capstan user edit --github " + first.toUpperCase()))
                .contains("GitHub login `" + first.toUpperCase() + "` is already linked to <@" + first + ">'s profile")
                .contains("nothing was changed");
        assertThat(fx.github.calls()).hasSize(callsBefore);
        String found = fx.run(second, "/capstan user view --github " + first.toLowerCase()).text();
        assertThat(found).contains("<@" + first + ">").doesNotContain("<@" + second + ">").doesNotContain("profiles match");
    }

    @Test
    void whenGitHubRefusesPartwayTheReplySaysWhatWasDoneAndRunningItAgainFinishes() {
        String lead = fx.lead();
        String first = fx.team(lead);
        String second = fx.team(lead);
        String old = lead.toLowerCase();
        String renamed = "new-" + old;
        fx.github.account(renamed, 8002);
        fx.github.failNext("DELETE", "/memberships/" + old, 403, "You must be a team maintainer");
        String refused = fx.slow(lead, "/capstan user edit --github " + renamed);
        assertThat(refused).contains("You must be a team maintainer").doesNotContain("Nothing was changed")
                .contains("Already done on GitHub: `" + renamed + "` is in the organisation; `" + renamed + "` is in GitHub team `all`; added `"
                        + renamed + "` to GitHub team `" + first + "`")
                .contains("Not done: remove `" + old + "` from GitHub team `" + first + "`").contains("the profile here was not changed");
        assertThat(fx.run(lead, "/capstan user view").text()).contains("`" + old + "`").doesNotContain(renamed);
        assertThat(fx.slow(lead, "/capstan user edit --github " + renamed)).contains("replaced the old login in 2 GitHub teams");
        for (String team : new String[] {first, second}) {
            assertThat(fx.github.teamNamed(team).members()).containsEntry(renamed, "maintainer").doesNotContainKey(old);
        }
    }

    @Test
    void aLoginAlreadyTakenOutOfATeamOnGitHubDoesNotStopTheMove() {
        String lead = fx.lead();
        String team = fx.team(lead);
        String old = lead.toLowerCase();
        fx.github.teamNamed(team).members().remove(old);
        fx.github.account("moved-" + old, 8003);
        assertThat(fx.slow(lead, "/capstan user edit --github moved-" + old)).contains("replaced the old login in 1 GitHub team");
        assertThat(fx.github.teamNamed(team).members()).containsEntry("moved-" + old, "maintainer");
    }

    @Test
    void aServerErrorPartwayIsRetriedAndTheRetryRepeatsWhatAlreadySucceeded() {
        String lead = fx.lead();
        String team = fx.team(lead);
        String old = lead.toLowerCase();
        fx.github.account("retried-" + old, 8004);
        // Twice: the GitHub client retries a failed DELETE once by itself; the second failure fails the job's attempt.
        fx.github.failNext("DELETE", "/memberships/" + old, 502, "Server Error");
        fx.github.failNext("DELETE", "/memberships/" + old, 502, "Server Error");
        assertThat(fx.slow(lead, "/capstan user edit --github retried-" + old)).contains("replaced the old login in 1 GitHub team");
        assertThat(fx.github.teamNamed(team).members()).containsEntry("retried-" + old, "maintainer").doesNotContainKey(old);
        assertThat(fx.gitHubChanges()).filteredOn(c -> c.startsWith("PUT") && c.endsWith("/memberships/retried-" + old)
                && c.contains("/team/")).hasSize(2);
    }

    @Test
    void aSingleServerErrorIsRetriedByTheGitHubClientWithoutRepeatingTheCommand() {
        String lead = fx.lead();
        String team = fx.team(lead);
        String old = lead.toLowerCase();
        fx.github.account("again-" + old, 8005);
        fx.github.failNext("DELETE", "/memberships/" + old, 503, "Unavailable");
        assertThat(fx.slow(lead, "/capstan user edit --github again-" + old)).contains("replaced the old login in 1 GitHub team");
        assertThat(fx.github.teamNamed(team).members()).containsEntry("again-" + old, "maintainer").doesNotContainKey(old);
        assertThat(fx.gitHubChanges()).filteredOn(c -> c.startsWith("PUT") && c.endsWith("/memberships/again-" + old)
                && c.contains("/team/")).hasSize(1);
        String byId = "/team/" + fx.github.teamNamed(team).id() + "/";
        assertThat(fx.gitHubChanges()).filteredOn(c -> c.startsWith("DELETE") && c.endsWith("/memberships/" + old) && c.contains(byId))
                .hasSize(2);
        assertThat(fx.github.teamNamed("all").members()).containsKey("again-" + old).doesNotContainKey(old);
    }

    @Test
    void clearingTheLoginTakesItOutOfTheirGitHubTeamsFirst() {
        String lead = fx.lead();
        String team = fx.team(lead);
        String old = lead.toLowerCase();
        fx.github.failNext("DELETE", "/memberships/" + old, 422, "Cannot remove the last maintainer");
        assertThat(fx.slow(lead, "/capstan user edit --github \"\"")).contains("Cannot remove the last maintainer")
                .contains("Nothing was changed");
        assertThat(fx.run(lead, "/capstan user view").text()).contains("`" + old + "`");
        assertThat(fx.slow(lead, "/capstan user edit --github \"\"")).contains("GitHub login cleared (first taken out of 1 GitHub team on GitHub)");
        assertThat(fx.github.teamNamed(team).members()).doesNotContainKey(old);
        assertThat(fx.run(lead, "/capstan whoami").text()).contains("GitHub: not linked");
    }

    @Test
    void deletingSomeoneTheLeadsTeamPromotedTakesTheRoleBackAndLeavesGitHubAlone() {
        String lead = fx.lead();
        String member = fx.person();
        assertThat(fx.slow(ADMIN, "/capstan team create leads --lead <@" + lead + ">")).contains("Created team `leads`");
        assertThat(fx.slow(lead, "/capstan team add leads " + member)).contains("Added");
        assertThat(fx.run(member, "/capstan whoami").text()).contains("role *team_lead*");
        int changesBefore = fx.gitHubChanges().size();
        assertThat(fx.run(ADMIN, "/capstan user delete " + member).text()).contains("1 team membership")
                .contains("GitHub accounts were not touched");
        assertThat(fx.run(member, "/capstan whoami").text()).contains("role *member*");
        assertThat(fx.gitHubChanges()).hasSize(changesBefore);
    }
}
