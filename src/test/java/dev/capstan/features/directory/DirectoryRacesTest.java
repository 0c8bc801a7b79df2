package dev.capstan.features.directory;

import static dev.capstan.features.directory.DirectoryFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.Simultaneously;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same request several times at the same moment: one does the work, the others get the answer a request a moment
 * later gets, never an internal error; runs on H2 and on PostgreSQL.
 */
class DirectoryRacesTest extends DirectoryConversationOnEveryDatabase {
    private static final int AT_ONCE = 6;

    @Test
    void registeringSixTimesAtOnceRegistersOnceAndTellsTheRestTheyAreRegistered() {
        String me = DirectoryFixture.newUserId();
        List<String> replies = Simultaneously.run(AT_ONCE, i -> fx.run(me, "/capstan user add").text());
        assertThat(replies).filteredOn(r -> r.startsWith(":wave: You are registered.")).hasSize(1);
        assertThat(replies).filteredOn(r -> r.startsWith("You are already registered; nothing was changed.")).hasSize(AT_ONCE - 1);
    }

    @Test
    void creatingOneTeamSixTimesAtOnceCreatesItOnceOnGitHubAndHere() {
        String lead = fx.lead();
        String name = "race-" + lead.toLowerCase();
        List<String> replies = Simultaneously.run(AT_ONCE, i -> fx.slow(lead, "/capstan team create " + name));
        assertThat(replies).filteredOn(r -> r.startsWith(":white_check_mark: Created team `" + name + "`")).hasSize(1);
        assertThat(replies).filteredOn(r -> r.equals(":warning: A team named `" + name + "` already exists; team names are unique "
                + "(case does not matter). Nothing was changed.")).hasSize(AT_ONCE - 1);
        assertThat(fx.github.calls()).filteredOn(c -> c.method().equals("POST") && c.body().contains(name)).isNotEmpty();
        assertThat(fx.run(lead, "/capstan team view " + name).text()).contains("*Members (1):* <@" + lead + ">");
    }

    @Test
    void addingOnePersonToATeamSixTimesAtOnceAddsThemOnce() {
        String lead = fx.lead();
        String team = fx.team(lead);
        String member = fx.person();
        List<String> replies = Simultaneously.run(AT_ONCE, i -> fx.slow(ADMIN, "/capstan team add " + team + " <@" + member + ">"));
        assertThat(replies).noneMatch(r -> r.contains("Something went wrong"));
        assertThat(replies).anyMatch(r -> r.startsWith(":white_check_mark: Added <@" + member + ">"));
        assertThat(fx.run(ADMIN, "/capstan team view " + team).text()).contains("*Members (2):*");
    }

    @Test
    void sixPeopleGivingSomeoneTheirFirstKarmaAtOnceGiveSixPoints() {
        String someone = DirectoryFixture.newUserId();
        List<String> replies = Simultaneously.run(AT_ONCE, i -> fx.run(DirectoryFixture.newUserId(), "/capstan karma give <@" + someone + ">").text());
        assertThat(replies).allMatch(r -> r.contains("gave karma to <@" + someone + ">"));
        assertThat(fx.run(someone, "/capstan karma view").text()).isEqualTo("<@" + someone + "> has 6 karma.");
    }
}
