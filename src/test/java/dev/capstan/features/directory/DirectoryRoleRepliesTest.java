package dev.capstan.features.directory;

import static dev.capstan.features.directory.DirectoryFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.SlashReply;
import org.junit.jupiter.api.Test;

/** Replies say when joining or leaving the configured leads and admins teams changed someone's role. */
class DirectoryRoleRepliesTest extends DirectoryConversation {
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
    void addingToAndRemovingFromTheLeadsTeamSaysWhatHappenedToTheRole() {
        String owner = fx.lead();
        fx.slow(ADMIN, "/capstan team create leads --lead " + owner);
        String person = fx.person();
        assertThat(fx.slow(ADMIN, "/capstan team add leads <@" + person + ">")).isEqualTo(":white_check_mark: Added <@" + person
                + "> to team `leads` (on GitHub too). <@" + person + ">'s role is now *team_lead*, which members of `leads` get.");
        assertThat(fx.slow(ADMIN, "/capstan team remove leads <@" + person + ">")).isEqualTo(":white_check_mark: Removed <@" + person
                + "> from team `leads` (on GitHub too). <@" + person + ">'s role is back to *member*: *team_lead* came with `leads`.");
        String ordinary = fx.team(owner);
        assertThat(fx.slow(ADMIN, "/capstan team add " + ordinary + " <@" + person + ">")).doesNotContain("role");
    }

    @Test
    void leadingTheAdminsTeamAndDeletingItSayWhatHappenedToTheRoles() {
        String owner = fx.lead();
        fx.slow(ADMIN, "/capstan team create admins --lead " + owner);
        String person = fx.person();
        assertThat(fx.slow(ADMIN, "/capstan team lead admins <@" + person + ">")).contains("now leads team `admins`")
                .endsWith("<@" + person + ">'s role is now *admin*, which members of `admins` get.");
        SlashReply ask = fx.run(ADMIN, "/capstan team delete admins");
        assertThat(ask.text()).contains("Delete team `admins`, its 2 memberships and the GitHub team?").doesNotContain(",?");
        SlashReply click = fx.app.as(ADMIN).click(ask.button("Confirm"));
        String deleted = fx.awaitPost(click.responseUrl(), "Deleted team");
        assertThat(deleted).contains("Deleted team `admins` here and on GitHub.")
                .contains("<@" + person + ">'s role is back to *member*: *admin* came with `admins`.")
                .contains("<@" + owner + ">'s role is back to *member*: *admin* came with `admins`.");
    }
}
