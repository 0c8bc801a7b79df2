package dev.capstan.features.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.Texts;
import org.junit.jupiter.api.Test;

/** The directory's part of the Home tab: who I am in the directory, at a glance. */
class DirectoryHomeTest extends DirectoryConversationOnEveryDatabase {

    @Test
    void myHomeShowsMyRoleMyTeamsMyGitHubProfileAndMyKarma() {
        String lead = fx.lead();
        String team = fx.team(lead);
        String fan = fx.person();
        fx.run(fan, "/capstan karma give <@" + lead + ">");
        fx.app.as(lead).opensHome();

        String home = Texts.blocksText(fx.app.slack().awaitHome(lead, 1));
        assertThat(home).contains("Your profile").contains("*Role*\nteam_lead").contains("`" + team + "` (lead)")
                .contains("<https://github.com/" + lead.toLowerCase() + "|" + lead.toLowerCase() + ">").contains("*Karma*\n1");
    }

    @Test
    void karmaGivenToMeAfterIOpenedMyHomePublishesItAgain() {
        String lead = fx.lead();
        fx.team(lead);
        fx.app.as(lead).opensHome();
        assertThat(Texts.blocksText(fx.app.slack().awaitHome(lead, 1))).contains("*Karma*\n0");
        fx.app.clock().advance(java.time.Duration.ofSeconds(5));

        fx.run(fx.person(), "/capstan karma give <@" + lead + ">");

        assertThat(Texts.blocksText(fx.app.slack().awaitHome(lead, 2))).contains("*Karma*\n1");
    }

    @Test
    void someoneNotInTheDirectoryIsToldHowToJoin() {
        String stranger = DirectoryFixture.newUserId();
        fx.app.as(stranger).opensHome();

        assertThat(Texts.blocksText(fx.app.slack().awaitHome(stranger, 1))).contains("not in the team directory yet")
                .contains("/capstan user add");
    }
}
