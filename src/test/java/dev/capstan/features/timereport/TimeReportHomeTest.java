package dev.capstan.features.timereport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.support.SlashReply;
import dev.capstan.support.Texts;
import org.junit.jupiter.api.Test;

/** Time reporting's part of the Home tab: this month at a glance, and the add-time form one click away. */
class TimeReportHomeTest extends TimeReportConversation {

    @Test
    void myHomeShowsThisMonthsHoursAgainstItsWorkingDaysWithTheHolidaysLeftOutAndTheDaysWithoutAnEntry() {
        String me = "UHOMETR01";
        app.as(me).submit("timereport.add", "", TimeReportModalConversationsTest.form("vab", "2020-05-04", "2020-05-04", "8"));
        app.as(me).opensHome();

        String home = Texts.blocksText(app.slack().awaitHome(me, 1));
        assertThat(home).contains("Your time, May 2020").contains("144 / 152 h (\u22128 absent)").contains("vab 8 h")
                .contains("*Working days*\n19 (public holidays left out: ").contains("Ascension Day").doesNotContain("Pentecost")
                .contains("*Working days so far without an entry*\n10: ").doesNotContain("2020-05-04,")
                .contains("*Month*\nopen").contains("Add time");
    }

    @Test
    void theAddTimeButtonOnMyHomeOpensTheSameFormAsTheCommand() throws Exception {
        String me = "UHOMETR02";
        app.as(me).opensHome();
        JsonNode home = app.slack().awaitHome(me, 1);
        JsonNode button = home.path("blocks").findValues("elements").stream().flatMap(e -> java.util.stream.StreamSupport.stream(e.spliterator(), false))
                .filter(e -> "Add time".equals(e.path("text").path("text").asText())).findFirst().orElseThrow();
        int before = app.slack().calls("views.open").size();

        app.as(me).click(new SlashReply.Button(button.path("action_id").asText(), button.path("value").asText(), "Add time"));

        assertThat(app.slack().calls("views.open")).hasSize(before + 1);
        assertThat(app.slack().calls("views.open").get(before).arg("view")).contains("\"callback_id\":\"timereport.add\"");
    }

    @Test
    void aLockedMonthSaysSoAndOffersNoButton() {
        String me = "UHOMETR03";
        assertThat(app.as(me).run("/timereport lock 2020-05").text()).contains("Locked May 2020");
        app.as(me).opensHome();

        String home = Texts.blocksText(app.slack().awaitHome(me, 1));
        assertThat(home).contains("*Month*\n:lock: locked").doesNotContain("Add time");
    }

    @Test
    void addingEditingDeletingAndLockingTimeEachPublishMyHomeAgain() {
        String me = "UHOMETR04";
        app.as(me).opensHome();
        assertThat(Texts.blocksText(app.slack().awaitHome(me, 1))).contains("152 / 152 h");

        app.as(me).submit("timereport.add", "", TimeReportModalConversationsTest.form("vab", "2020-05-04", "2020-05-04", "8"));
        assertThat(Texts.blocksText(republished(me, 2))).contains("144 / 152 h");

        assertThat(confirmed(me, "/timereport edit vab 2020-05-04 4")).doesNotContain("warning");
        assertThat(Texts.blocksText(republished(me, 3))).contains("148 / 152 h");

        assertThat(confirmed(me, "/timereport delete 2020-05-04")).doesNotContain("warning");
        assertThat(Texts.blocksText(republished(me, 4))).contains("152 / 152 h");

        assertThat(app.as(me).run("/timereport lock 2020-05").text()).contains("Locked May 2020");
        assertThat(Texts.blocksText(republished(me, 5))).contains(":lock: locked");
    }

    /** Lets the per-person wait pass and returns the Home published as the {@code count}th. */
    private JsonNode republished(String userId, int count) {
        app.awaitJobsDone();
        app.clock().advance(java.time.Duration.ofSeconds(5));
        app.runDueJobs();
        return app.slack().awaitHome(userId, count);
    }
}
