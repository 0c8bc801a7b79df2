package dev.capstan.features.timereport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.SlashReply;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Conversations with /timereport: adding, editing, deleting, listing and locking, with their confirmations. */
class TimeReportConversationsTest extends TimeReportConversation {

    @Test
    void emptyTextShowsTheFamilyHelpInsteadOfSilence() {
        String text = app.as("UEMPTY001").run("/timereport").text();
        assertThat(text).contains("/timereport add").contains("/timereport list").contains("/timereport lock list")
                .doesNotContain("/timereport unlock");
    }

    @Test
    void helpForAnActionShowsItsUsage() {
        assertThat(app.as("UHELP0001").run("/timereport help add").text()).contains("Usage:").contains("REASON").contains("HOURS");
        assertThat(app.as("UHELP0001").run("/capstan timereport add -h").text()).contains("Usage:").contains("--user");
    }

    @Test
    void addingADayAsksForConfirmationThenWritesIt() {
        SlashReply ask = app.as("UADD00001").run("/timereport add vab 2020-05-19");
        assertThat(ask.text()).contains("Add *vab* 8 h to your report on 1 day: Tue 2020-05-19?");
        assertThat(ask.buttons()).extracting(SlashReply.Button::text).containsExactly("Confirm", "Cancel");
        assertThat(app.as("UADD00001").run("/timereport list 2020-05-19").text()).contains("No entries");

        SlashReply click = app.as("UADD00001").click(ask.button("Confirm"));
        assertThat(app.slack().awaitPosts(click.responseUrl(), 1).get(0).text())
                .contains("Added *vab* 8 h for <@UADD00001> on 1 day: Tue 2020-05-19.");
        assertThat(app.as("UADD00001").run("/timereport list 2020-05-19").text()).contains("Tue 2020-05-19  vab  8 h");
    }

    @Test
    void todayIsTheDayOfTheQuestionEvenWhenTheClickComesAfterMidnightInTheTeamsZone() {
        // 21:59 UTC is 23:59 on Monday in Stockholm (CEST); the click at 22:01 UTC is already Tuesday there.
        app.clock().set(Instant.parse("2020-05-18T21:59:00Z"));
        SlashReply ask = app.as("UTODAY001").run("/timereport add sjuk today 4");
        assertThat(ask.text()).contains("on 1 day: Mon 2020-05-18?");
        app.clock().set(Instant.parse("2020-05-18T22:01:00Z"));
        assertThat(confirm("UTODAY001", ask)).contains("Added *sjuk* 4 h for <@UTODAY001> on 1 day: Mon 2020-05-18.");
        assertThat(app.as("UTODAY001").run("/timereport list 2020-05-18:2020-05-19").text())
                .contains("Mon 2020-05-18  sjuk  4 h").doesNotContain("Tue 2020-05-19  sjuk");
    }

    @Test
    void yesterdayIsResolvedInTheTeamsZoneAndAWeekendDayIsPointedOut() {
        assertThat(app.as("UTODAY002").run("/timereport add sjuk yesterday").text()).contains("Sun 2020-05-17")
                .contains("is not a working day (weekend)");
    }

    @Test
    void aRangeSkipsWeekendsAndAscensionDayAndNamesTheDays() {
        SlashReply ask = app.as("URANGE001").run("/timereport add vab 2020-05-20:2020-05-25");
        assertThat(ask.text()).contains("on 3 days: Wed 2020-05-20, Fri 2020-05-22, Mon 2020-05-25?")
                .contains("Skipped, not working days: Thu 2020-05-21 (Ascension Day), 2 weekend days.");
        SlashReply click = app.as("URANGE001").click(ask.button("Confirm"));
        app.slack().awaitPosts(click.responseUrl(), 1);
        String list = app.as("URANGE001").run("/timereport list 2020-05-20:2020-05-25").text();
        assertThat(list).contains("Wed 2020-05-20  vab").contains("Fri 2020-05-22  vab").contains("Mon 2020-05-25  vab")
                .doesNotContain("Thu 2020-05-21  vab").doesNotContain("Sat 2020-05-23");
    }

    @Test
    void aRangeWithoutWorkingDaysIsRefused() {
        assertThat(app.as("URANGE002").run("/timereport add vab 2020-05-23:2020-05-24").text())
                .contains("has no working days");
    }

    @Test
    void aBackwardsRangeIsRefused() {
        assertThat(app.as("URANGE003").run("/timereport add vab 2020-05-22:2020-05-20").text())
                .contains("must start on or before its end");
    }

    @Test
    void hoursMustBeAboveZeroAndAtMostTwentyFour() {
        assertThat(app.as("UHOURS001").run("/timereport add vab today 0").text()).contains("more than 0 and at most 24");
        assertThat(app.as("UHOURS001").run("/timereport add vab today 24.5").text()).contains("more than 0 and at most 24");
        assertThat(app.as("UHOURS001").run("/timereport add vab today -3").text()).contains("more than 0 and at most 24");
        assertThat(app.as("UHOURS001").run("/timereport add vab today many").text()).contains("not a number of hours");
        assertThat(app.as("UHOURS001").run("/timereport add vab today 7,5").text()).contains("7.5 h");
        assertThat(app.as("UHOURS001").run("/timereport add vab today 24").text()).contains("24 h");
    }

    @Test
    void aMistypedReasonGetsDidYouMeanAndTheKnownReasons() {
        SlashReply reply = app.as("UREASON01").run("/timereport add vabb today");
        assertThat(reply.text()).contains("`vabb` is not a reason").contains("Did you mean `vab`")
                .contains("`föräldraledig`");
        assertThat(reply.buttons()).isEmpty();
        assertThat(app.as("UREASON01").run("/timereport add SJUK today").text()).contains("Add *sjuk*");
    }

    @Test
    void aBadDayIsExplained() {
        assertThat(app.as("UBADDAY01").run("/timereport add vab tomorow").text()).contains("`tomorow` is not a day");
        assertThat(app.as("UBADDAY01").run("/timereport add vab 2020-02-30").text()).contains("`2020-02-30` is not a day");
    }

    @Test
    void aDayIsReportedOnceAndEditChangesIt() {
        confirmed("UEDIT0001", "/timereport add vab 2020-05-19");
        assertThat(app.as("UEDIT0001").run("/timereport add sjuk 2020-05-19").text())
                .contains("Already reported: Tue 2020-05-19").contains("use `edit`");

        SlashReply ask = app.as("UEDIT0001").run("/timereport edit sjuk 2020-05-19 6");
        assertThat(ask.text()).contains("Change your entry on Tue 2020-05-19 from vab 8 h to *sjuk* 6 h?");
        SlashReply click = app.as("UEDIT0001").click(ask.button("Confirm"));
        assertThat(app.slack().awaitPosts(click.responseUrl(), 1).get(0).text()).contains("to *sjuk* 6 h");
        assertThat(app.as("UEDIT0001").run("/timereport list 2020-05").text()).contains("Tue 2020-05-19  sjuk  6 h");
    }

    @Test
    void twoQuestionsForTheSameDayWriteItOnce() {
        SlashReply first = app.as("UTWICE001").run("/timereport add vab 2020-05-19");
        SlashReply second = app.as("UTWICE001").run("/timereport add sjuk 2020-05-19");
        confirmedClick("UTWICE001", first);
        SlashReply click = app.as("UTWICE001").click(second.button("Confirm"));
        assertThat(app.slack().awaitPosts(click.responseUrl(), 1).get(0).text())
                .contains("Nothing was added: every day was reported meanwhile (Tue 2020-05-19)");
        assertThat(app.as("UTWICE001").run("/timereport list 2020-05-19").text()).contains("vab  8 h").doesNotContain("sjuk  8 h");
    }

    @Test
    void editingADayWithoutAnEntrySaysSo() {
        assertThat(app.as("UEDIT0002").run("/timereport edit vab 2020-05-19 4").text())
                .contains("There is no entry on Tue 2020-05-19").contains("use `add`");
    }

    @Test
    void aRangeLeavesAlreadyReportedDaysAlone() {
        confirmed("UPART0001", "/timereport add intern 2020-05-19 2");
        SlashReply ask = app.as("UPART0001").run("/timereport add vab 2020-05-18:2020-05-20");
        assertThat(ask.text()).contains("on 2 days: Mon 2020-05-18, Wed 2020-05-20?")
                .contains("Already reported, left as they are: Tue 2020-05-19");
    }

    @Test
    void deleteRemovesEntriesAfterConfirmationAndSaysHowMany() {
        confirmed("UDEL00001", "/timereport add vab 2020-05-19:2020-05-20");
        SlashReply ask = app.as("UDEL00001").run("/timereport delete 2020-05-01:2020-05-31");
        assertThat(ask.text()).contains("Delete 2 entries from your report: Tue 2020-05-19, Wed 2020-05-20?");
        SlashReply click = app.as("UDEL00001").click(ask.button("Confirm"));
        assertThat(app.slack().awaitPosts(click.responseUrl(), 1).get(0).text()).contains("Removed 2 entries");
        assertThat(app.as("UDEL00001").run("/timereport delete 2020-05-19").text())
                .contains("There are no entries on Tue 2020-05-19").contains("nothing to delete");
    }

    @Test
    void aSecondClickAndSomeoneElsesClickDoNothing() {
        SlashReply ask = app.as("UCLICK001").run("/timereport add vab 2020-05-19");
        SlashReply intruder = app.as("UCLICK002").click(ask.button("Confirm"));
        assertThat(app.slack().awaitPosts(intruder.responseUrl(), 1).get(0).text()).contains("Only <@UCLICK001> can answer");
        assertThat(app.as("UCLICK001").run("/timereport list 2020-05-19").text()).contains("No entries");

        confirmedClick("UCLICK001", ask);
        SlashReply again = app.as("UCLICK001").click(ask.button("Confirm"));
        assertThat(app.slack().awaitPosts(again.responseUrl(), 1).get(0).text()).contains("already confirmed");
        assertThat(app.as("UCLICK001").run("/timereport list 2020-05").text()).contains("vab 8 h").doesNotContain("vab 16 h");
    }

    private void confirmedClick(String user, SlashReply ask) {
        SlashReply click = app.as(user).click(ask.button("Confirm"));
        assertThat(app.slack().awaitPosts(click.responseUrl(), 1).get(0).text()).contains("Added");
    }

    @Test
    void cancellingWritesNothing() {
        SlashReply ask = app.as("UCANCEL01").run("/timereport add vab 2020-05-19");
        SlashReply cancel = app.as("UCANCEL01").click(ask.button("Cancel"));
        assertThat(app.slack().awaitPosts(cancel.responseUrl(), 1).get(0).text()).contains("Cancelled");
        assertThat(app.as("UCANCEL01").run("/timereport list 2020-05").text()).contains("No entries");
    }

    @Test
    void theListSummarisesWorkedHoursAgainstWorkingHoursPerMonth() {
        confirmed("USUMMARY1", "/timereport add vab 2020-05-19:2020-05-20");
        confirmed("USUMMARY1", "/timereport add intern 2020-05-22 3");
        confirmed("USUMMARY1", "/timereport add sjuk 2020-06-02 4");
        String text = app.as("USUMMARY1").run("/timereport list 2020-05-01:2020-06-30").text();
        // May 2020: 21 weekdays minus Labour Day and Ascension Day = 19 working days = 152 h; vab 16 h is absence,
        // intern is not. June 2020: 22 weekdays minus National Day (a Saturday) and Midsummer Eve = 21 days = 168 h.
        assertThat(text).contains("*May 2020*  worked 136 / 152 h (\u221216 absent)").contains("intern 3 h · vab 16 h")
                .contains("*June 2020*  worked 164 / 168 h (\u22124 absent)").contains("sjuk 4 h");
    }

    @Test
    void theListDefaultsToThisMonth() {
        confirmed("UDEFAULT1", "/timereport add semester 2020-05-04");
        String text = app.as("UDEFAULT1").run("/timereport list").text();
        assertThat(text).contains("*May 2020*").contains("Mon 2020-05-04  semester  8 h").doesNotContain("April");
    }

    @Test
    void aLongListSaysWhatWasLeftOut() {
        confirmed("ULONG0001", "/timereport add intern 2019-06-01:2020-04-30 1");
        String text = app.as("ULONG0001").run("/timereport list 2019-06-01:2020-04-30").text();
        assertThat(text).contains("more entries are not shown").contains("use `export`");
    }

    @Test
    void aLockedMonthRefusesAddEditAndDelete() {
        confirmed("ULOCK0001", "/timereport add vab 2020-04-06");
        assertThat(app.as("ULOCK0001").run("/timereport lock 2020-04").text()).contains("Locked April 2020 (1 entry, 8 h)");
        String refusal = "April 2020 is locked for <@ULOCK0001>";
        assertThat(app.as("ULOCK0001").run("/timereport add vab 2020-04-07").text()).contains(refusal);
        assertThat(app.as("ULOCK0001").run("/timereport edit sjuk 2020-04-06 8").text()).contains(refusal);
        assertThat(app.as("ULOCK0001").run("/timereport delete 2020-04-06").text()).contains(refusal);
        assertThat(app.as("ULOCK0001").run("/timereport add vab 2020-03-30:2020-04-03").text()).contains(refusal);
        assertThat(app.as("ULOCK0001").run("/timereport list 2020-04").text()).contains(":lock:");
    }

    @Test
    void aConfirmationAskedBeforeTheLockIsRefusedAfterIt() {
        SlashReply ask = app.as("ULOCK0002").run("/timereport add vab 2020-04-07");
        app.as("ULOCK0002").run("/timereport lock 2020-04");
        SlashReply click = app.as("ULOCK0002").click(ask.button("Confirm"));
        assertThat(app.slack().awaitPosts(click.responseUrl(), 1).get(0).text()).contains("April 2020 is locked");
        assertThat(app.as("ULOCK0002").run("/timereport list 2020-04").text()).contains("No entries");
    }

    @Test
    void lockListShowsTheLockedMonthsOfAYear() {
        app.as("ULOCK0003").run("/timereport lock 2020-02");
        app.as("ULOCK0003").run("/timereport lock 2020-03");
        assertThat(app.as("ULOCK0003").run("/timereport lock 2020-03").text()).contains("already locked");
        assertThat(app.as("ULOCK0003").run("/timereport lock list").text()).contains("February 2020, March 2020");
        assertThat(app.as("ULOCK0003").run("/timereport lock list 2019").text()).contains("No month of 2019 is locked");
        assertThat(app.as("ULOCK0003").run("/timereport lock 2020-07").text()).contains("has not started yet");
        assertThat(app.as("ULOCK0003").run("/timereport lock May").text()).contains("is not a month");
    }

    @Test
    void onlyAnAdminCanUnlockAMonth() {
        app.as("ULOCK0004").run("/timereport lock 2020-04");
        assertThat(app.as("ULOCK0004").run("/timereport unlock 2020-04").text()).contains("needs role admin");
        assertThat(app.as(ADMIN).run("/timereport unlock 2020-04 --user <@ULOCK0004|lock>").text())
                .contains("Unlocked April 2020 in <@ULOCK0004>'s report");
        assertThat(app.as("ULOCK0004").run("/timereport add vab 2020-04-07").text()).contains("Add *vab*");
        assertThat(app.as(ADMIN).run("/timereport unlock 2020-04 --user ULOCK0004").text()).contains("is not locked");
    }

    @Test
    void nobodyButAnAdminTouchesSomeoneElsesReport() {
        confirmed("UOWNER001", "/timereport add vab 2020-05-19");
        assertThat(app.as("UOTHER001").run("/timereport delete 2020-05-19 --user UOWNER001").text())
                .contains("Only admins can act on someone else's time report");
        assertThat(app.as("UOTHER001").run("/timereport list --user UOWNER001").text()).contains("Only admins");
        String byAdmin = confirmed(ADMIN, "/timereport edit sjuk 2020-05-19 8 --user UOWNER001");
        assertThat(byAdmin).contains("Changed <@UOWNER001>'s entry");
        assertThat(app.as(ADMIN).run("/timereport list 2020-05 --user UOWNER001").text()).contains("Tue 2020-05-19  sjuk  8 h");
    }

    @Test
    void aGroupWordAloneNamesTheCommandsUnderIt() {
        assertThat(app.as(ADMIN).run("/timereport token").text()).contains("`/timereport token` needs one more word: "
                + "`/timereport token create`, `/timereport token list`, `/timereport token revoke`.");
    }

    @Test
    void theFamilyIsReachableThroughTheMainCommandToo() {
        assertThat(app.as("UMAIN0001").run("/capstan timereport add vab 2020-05-19").text()).contains("Add *vab*");
        assertThat(app.as("UMAIN0001").run("/capstan timereport ad vab today").text()).contains("Did you mean `add`");
    }
}
