package dev.capstan.features.timereport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.Simultaneously;
import dev.capstan.support.SlashReply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same request several times at the same moment: one does the work, the others get the answer a later request gets. */
class TimeReportRacesTest extends TimeReportConversation {
    private static final int AT_ONCE = 6;

    @Test
    void sixSimultaneousLocksOfOneMonthLockItOnceAndTellTheOthersItIsLocked() {
        List<String> replies = Simultaneously.run(AT_ONCE, i -> app.as("URACELOCK").run("/timereport lock 2020-04").text());
        assertThat(replies).filteredOn(r -> r.startsWith(":lock: Locked April 2020")).hasSize(1);
        assertThat(replies).filteredOn(r -> r.equals("April 2020 was already locked; nothing changed.")).hasSize(AT_ONCE - 1);
        assertThat(app.as("URACELOCK").run("/timereport lock list 2020").text()).contains("Locked in 2020 (your report): April 2020.");
    }

    @Test
    void sixSimultaneousTokensOfOneNameCreateOneAndTellTheOthersItExists() {
        List<String> replies = Simultaneously.run(AT_ONCE, i -> app.as(ADMIN).run("/timereport token create racing").text());
        assertThat(replies).filteredOn(r -> r.startsWith(":key: Token `racing` created")).hasSize(1);
        assertThat(replies).filteredOn(r -> r.equals("A token named `racing` exists already; revoke it first or pick another name."))
                .hasSize(AT_ONCE - 1);
    }

    @Test
    void twoConfirmationsOfTheSameDaysClickedAtOnceWriteEachDayOnce() {
        String me = "URACEADD1";
        List<SlashReply> asks = List.of(app.as(me).run("/timereport add vab 2020-04-06:2020-04-08"),
                app.as(me).run("/timereport add sjuk 2020-04-06:2020-04-08 4"));
        List<String> outcomes = Simultaneously.run(2, i -> confirm(me, asks.get(i)));
        assertThat(outcomes).noneMatch(o -> o.contains("Something went wrong") || o.contains("try again"));
        assertThat(outcomes).filteredOn(o -> o.startsWith(":white_check_mark: Added")).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.startsWith("Nothing was added: every day was reported meanwhile")).hasSize(1);
        assertThat(app.as(me).run("/timereport list 2020-04-06:2020-04-08").text()).contains("Mon 2020-04-06")
                .contains("Tue 2020-04-07").contains("Wed 2020-04-08");
    }
}
