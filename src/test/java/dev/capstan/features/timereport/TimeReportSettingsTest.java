package dev.capstan.features.timereport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.capstan.command.UserError;
import dev.capstan.platform.SettingsBinder;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The family's YAML section: defaults, per-reason absence flags, the reminder schedule and what is refused at start. */
class TimeReportSettingsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode yaml(String text) throws Exception {
        return YAML.readTree(text);
    }

    /** Binds the section as the platform does at start; throws with the problems it reports. */
    static TimeReportSettings from(JsonNode section) {
        List<String> problems = new ArrayList<>();
        return new SettingsBinder().bind("families.timereport", section, TimeReportSettings.class, problems)
                .orElseThrow(() -> new IllegalArgumentException(String.join("; ", problems)));
    }

    @Test
    void withoutConfigurationTheSwedishDefaultsApply() {
        TimeReportSettings settings = from(MissingNode.getInstance());
        assertThat(settings.reasonList()).extracting(Reason::name).containsExactly("vab", "sjuk", "intern", "semester", "föräldraledig");
        assertThat(settings.countsAsAbsence("vab")).isTrue();
        assertThat(settings.countsAsAbsence("intern")).isFalse();
        assertThat(settings.country()).isEqualTo("SE");
        assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
        assertThat(settings.reminderCron()).isEqualTo("0 0 9 * * *");
    }

    @Test
    void eachReasonSaysWhetherItCountsAsAbsence() throws Exception {
        TimeReportSettings settings = from(yaml("""
                reasons:
                  - Sick
                  - name: Training
                    absence: false
                reminder:
                  time: "08:30"
                  working_days: 2
                zone: UTC
                """));
        assertThat(settings.countsAsAbsence("sick")).isTrue();
        assertThat(settings.countsAsAbsence("training")).isFalse();
        assertThat(settings.reason("TRAINING").name()).isEqualTo("training");
        assertThat(settings.reminderCron()).isEqualTo("0 30 8 * * *");
        assertThat(settings.reminderWorkingDays()).isEqualTo(2);
        assertThatThrownBy(() -> settings.reason("vab")).isInstanceOf(UserError.class).hasMessageContaining("`sick`, `training`");
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> from(yaml("hours_per_day: 30")))
                .hasMessageContaining("hours_per_day");
        assertThatThrownBy(() -> from(yaml("zone: Mars/Olympus")))
                .hasMessageContaining("families.timereport.zone");
        assertThatThrownBy(() -> from(yaml("hours_per_dai: 7")))
                .hasMessageContaining("families.timereport: unknown key `hours_per_dai`. Did you mean `hours_per_day`?");
        assertThatThrownBy(() -> from(yaml("reminder: {working_days: many}")))
                .hasMessageContaining("families.timereport.reminder.working_days: expected a whole number");
        assertThatThrownBy(() -> new WorkCalendar("Narnia")).hasMessageContaining("no holiday calendar for 'Narnia'");
    }

    @Test
    void aCalendarOfAnotherCountryKnowsItsOwnHolidays() {
        WorkCalendar germany = new WorkCalendar("de");
        assertThat(germany.isWorkingDay(LocalDate.parse("2019-10-03"))).isFalse();
        assertThat(germany.isWorkingDay(LocalDate.parse("2020-06-19"))).isTrue();
        assertThat(new WorkCalendar("SE").isWorkingDay(LocalDate.parse("2020-06-19"))).isFalse();
    }
}
