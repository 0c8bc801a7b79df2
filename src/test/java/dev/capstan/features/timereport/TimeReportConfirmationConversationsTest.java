package dev.capstan.features.timereport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.SlashReply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a confirmation does when the report changed between question and click, or when it is clicked too late. */
class TimeReportConfirmationConversationsTest extends TimeReportConversation {

    @Test
    void aConfirmedDeleteRemovesOnlyTheEntriesItListed() {
        confirmed("UDELONLY1", "/timereport add vab 2020-05-19");
        SlashReply ask = app.as("UDELONLY1").run("/timereport delete 2020-05-01:2020-05-31");
        assertThat(ask.text()).contains("Delete 1 entry from your report: Tue 2020-05-19?");
        confirmed("UDELONLY1", "/timereport add sjuk 2020-05-20");

        assertThat(confirm("UDELONLY1", ask)).contains("Removed 1 entry of <@UDELONLY1>: Tue 2020-05-19.");
        assertThat(app.as("UDELONLY1").run("/timereport list 2020-05").text())
                .contains("Wed 2020-05-20  sjuk  8 h").doesNotContain("Tue 2020-05-19");
    }

    @Test
    void aConfirmedDeleteWhoseEntriesAreGoneSaysNoneAreLeft() {
        confirmed("UDELGONE1", "/timereport add vab 2020-05-19:2020-05-20");
        SlashReply first = app.as("UDELGONE1").run("/timereport delete 2020-05-19:2020-05-20");
        SlashReply second = app.as("UDELGONE1").run("/timereport delete 2020-05-19:2020-05-20");
        assertThat(confirm("UDELGONE1", first)).contains("Removed 2 entries");

        assertThat(confirm("UDELGONE1", second)).contains("None of the entries of <@UDELGONE1> on Tue 2020-05-19, "
                + "Wed 2020-05-20 are left any more; nothing was removed.");
    }

    @Test
    void aConfirmedDeleteSaysWhichListedEntriesWereAlreadyGone() {
        confirmed("UDELGONE2", "/timereport add vab 2020-05-19:2020-05-20");
        SlashReply both = app.as("UDELGONE2").run("/timereport delete 2020-05-19:2020-05-20");
        confirmed("UDELGONE2", "/timereport delete 2020-05-20");

        assertThat(confirm("UDELGONE2", both)).contains("Removed 1 entry of <@UDELGONE2>: Tue 2020-05-19.")
                .contains("Already gone meanwhile: Wed 2020-05-20.");
    }

    @Test
    void aConfirmationClickedAfterFifteenMinutesSaysItExpiredAndWritesNothing() {
        SlashReply ask = app.as("UEXPIRE01").run("/timereport add vab 2020-05-19");
        app.clock().advance(Duration.ofMinutes(16));
        assertThat(confirm("UEXPIRE01", ask)).contains("This confirmation expired; nothing was done")
                .contains("Add *vab* 8 h to your report on 1 day: Tue 2020-05-19?");
        assertThat(app.as("UEXPIRE01").run("/timereport list 2020-05-19").text()).contains("No entries");
    }

    @Test
    void editingAnEntryToWhatItAlreadyIsChangesNothingAndAsksNothing() {
        confirmed("UEDITSAME", "/timereport add vab 2020-05-19 6");
        SlashReply reply = app.as("UEDITSAME").run("/timereport edit VAB 2020-05-19 6.0");
        assertThat(reply.text()).contains("That entry is already vab 6 h; nothing to change.");
        assertThat(reply.buttons()).isEmpty();
    }

    @Test
    void editRefusesARange() {
        confirmed("UEDITRNG1", "/timereport add vab 2020-05-19");
        SlashReply reply = app.as("UEDITRNG1").run("/timereport edit sjuk 2020-05-19:2020-05-20 4");
        assertThat(reply.text()).contains("`edit` changes one day at a time; give a single date, not a range.");
        assertThat(reply.buttons()).isEmpty();
        assertThat(app.as("UEDITRNG1").run("/timereport list 2020-05-19").text()).contains("vab  8 h");
    }

    @Test
    void aDeleteAskedBeforeTheUpgradeRemovesNothingAndAsksToRunItAgain() {
        confirmed("UDELOLD01", "/timereport add vab 2020-05-19");
        SlashReply ask = app.as("UDELOLD01").run("/timereport delete 2020-05-19");
        String id = ask.button("Confirm").value();
        app.capstan().database().jdbi().useHandle(h -> h.createUpdate("update pending_actions set payload = :old where id = :id")
                .bind("old", "{\"userId\":\"UDELOLD01\",\"from\":\"2020-05-01\",\"to\":\"2020-05-31\"}").bind("id", id).execute());
        assertThat(confirm("UDELOLD01", ask)).contains("older version").contains("nothing was removed");
        assertThat(app.as("UDELOLD01").run("/timereport list 2020-05-19").text()).contains("Tue 2020-05-19  vab  8 h");
    }
}
