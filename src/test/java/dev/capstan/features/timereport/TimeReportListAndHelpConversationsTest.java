package dev.capstan.features.timereport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.support.SlashReply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Help at every level, and listing entries and locks: today, someone else's, and long lists within Slack's limits. */
class TimeReportListAndHelpConversationsTest extends TimeReportConversation {

    @Test
    void theFamilyAloneThroughTheMainCommandShowsItsHelpInsteadOfSilence() {
        SlashReply reply = app.as("UHELP0002").run("/capstan timereport");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("`/capstan timereport add").contains("`/capstan timereport list")
                .contains("`/capstan timereport lock list").contains("`/capstan timereport export")
                .doesNotContain("timereport unlock").doesNotContain("timereport token");
    }

    @Test
    void helpForEachActionShowsThatActionsUsage() {
        assertThat(app.as("UHELP0003").run("/timereport help edit").text()).contains("Usage:").contains("REASON")
                .contains("DAY").contains("HOURS").contains("Replace the reason and hours");
        assertThat(app.as("UHELP0003").run("/timereport help delete").text()).contains("Usage:").contains("DAY")
                .doesNotContain("REASON");
        assertThat(app.as("UHELP0003").run("/timereport help list").text()).contains("Usage:").contains("PERIOD")
                .contains("today");
        assertThat(app.as("UHELP0003").run("/timereport help lock").text()).contains("Usage:").contains("MONTH");
        assertThat(app.as("UHELP0003").run("/timereport help lock list").text()).contains("Usage:").contains("YEAR");
        assertThat(app.as("UHELP0003").run("/timereport help export").text()).contains("Usage:").contains("--all")
                .contains("--user");
        assertThat(app.as("UHELP0003").run("/timereport help add").text()).contains("[REASON] [DAY] [HOURS]")
                .contains("without arguments, opens");
    }

    @Test
    void listTodayShowsOnlyTodaysEntry() {
        confirmed("ULISTDAY1", "/timereport add vab 2020-05-18:2020-05-19");
        String text = app.as("ULISTDAY1").run("/timereport list today").text();
        assertThat(text).contains("Mon 2020-05-18  vab  8 h").doesNotContain("Tue 2020-05-19  vab");
    }

    @Test
    void anAdminListsSomeoneElsesLockedMonthsAndNobodyElseMay() {
        app.as("ULOCKLST1").run("/timereport lock 2020-02");
        assertThat(app.as(ADMIN).run("/timereport lock list 2020 --user <@ULOCKLST1|lee>").text())
                .contains("Locked in 2020 (<@ULOCKLST1>'s report): February 2020.");
        assertThat(app.as(ADMIN).run("/timereport lock list 2020").text()).contains("No month of 2020 is locked in your report");
        assertThat(app.as("ULOCKLST2").run("/timereport lock list 2020 --user ULOCKLST1").text())
                .contains("Only admins can act on someone else's time report");
    }

    @Test
    void aYearLongListStaysWithinSlacksLimits() {
        confirmed("ULIMIT001", "/timereport add föräldraledig 2019-05-20:2020-05-15 7.25");
        SlashReply reply = app.as("ULIMIT001").run("/timereport list 2019-05-20:2020-05-15");
        JsonNode blocks = reply.json().path("blocks");
        assertThat(blocks.size()).isBetween(1, 50);
        List<String> texts = new ArrayList<>();
        collectTexts(reply.json(), texts);
        assertThat(texts).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(3000));
        assertThat(reply.text()).contains("more entries are not shown");
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("text") && field.getValue().isTextual()) texts.add(field.getValue().asText());
        });
        for (JsonNode child : node) collectTexts(child, texts);
    }
}
