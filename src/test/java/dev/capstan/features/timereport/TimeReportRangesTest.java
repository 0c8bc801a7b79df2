package dev.capstan.features.timereport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.SlashReply;
import org.junit.jupiter.api.Test;

/** Days, months, years, user ids and token names outside what a time report holds get a reply that says what is accepted. */
class TimeReportRangesTest extends TimeReportConversation {
    private static final String DAYS = "from 1900-01-01 to 9999-12-31";

    @Test
    void aDayBeyondYear9999IsNotListedButExplained() {
        assertThat(app.as("URANGE101").run("/timereport list +999999999-12-31").text())
                .isEqualTo("`+999999999-12-31` is not a day; write `today`, `yesterday`, YYYY-MM-DD or a range "
                        + "YYYY-MM-DD:YYYY-MM-DD, " + DAYS + ".");
        assertThat(app.as("URANGE101").run("/timereport list 2020-05-01:+999999999-12-31").text()).contains("is not a day");
        assertThat(app.as("URANGE101").run("/timereport list 9999-12-31").text()).contains("No entries in this period.");
    }

    @Test
    void aDayOutsideTheYearsAReportHoldsIsNotOfferedForWriting() {
        SlashReply far = app.as("URANGE102").run("/timereport add vab +999999999-12-31");
        assertThat(far.text()).contains("`+999999999-12-31` is not a day").contains(DAYS);
        assertThat(far.buttons()).isEmpty();
        assertThat(app.as("URANGE102").run("/timereport add vab 1899-12-29").text()).contains("`1899-12-29` is not a day");
        assertThat(app.as("URANGE102").run("/timereport edit vab 0001-01-01 4").text()).contains("`0001-01-01` is not a day");
        assertThat(app.as("URANGE102").run("/timereport delete 1800-01-01:2020-05-01").text()).contains("`1800-01-01` is not a day");
    }

    @Test
    void monthsAndYearsSayWhichOnesAreAccepted() {
        assertThat(app.as("URANGE103").run("/timereport lock +999999999-12").text())
                .isEqualTo("`+999999999-12` is not a month; write it as YYYY-MM, e.g. `2020-05`, from 1900-01 to 9999-12.");
        assertThat(app.as("URANGE103").run("/timereport lock 0000-01").text()).contains("`0000-01` is not a month");
        assertThat(app.as(ADMIN).run("/timereport unlock 1899-12 --user URANGE103").text()).contains("`1899-12` is not a month");
        assertThat(app.as("URANGE103").run("/timereport lock list 0999").text())
                .isEqualTo("`0999` is not a year; write it as YYYY, e.g. `2020`, from 1900 to 9999.");
        SlashReply export = app.as("URANGE103").run("/timereport export 0001-01");
        assertThat(app.slack().awaitPosts(export.responseUrl(), 1).get(0).text()).contains("`0001-01` is not a month");
    }

    @Test
    void aUserIdLongerThanSlackGivesAndABadTokenNameAreRefusedWithWhatIsAccepted() {
        String tooLong = "U" + "1".repeat(40);
        assertThat(app.as(ADMIN).run("/timereport list --user " + tooLong).text()).contains("is not a Slack user");
        assertThat(app.as(ADMIN).run("/timereport add vab 2020-05-19 --user " + tooLong).text()).contains("is not a Slack user");
        assertThat(app.as(ADMIN).run("/timereport token revoke \"a\0b\"").text())
                .contains("A token name is 1 to 24 letters, digits, dots, dashes or underscores");
        assertThat(app.as(ADMIN).run("/timereport token revoke " + "t".repeat(65)).text()).contains("A token name is 1 to 24");
    }
}
