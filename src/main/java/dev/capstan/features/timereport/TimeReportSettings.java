package dev.capstan.features.timereport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.command.DidYouMean;
import dev.capstan.command.UserError;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The family's configuration ({@code families.timereport} in the YAML file), with defaults for everything missing. */
public record TimeReportSettings(List<Reason> reasons, String country, BigDecimal hoursPerDay, ZoneId zone,
                                 LocalTime reminderTime, int reminderWorkingDays) {

    static final List<Reason> DEFAULT_REASONS = List.of(new Reason("vab", true), new Reason("sjuk", true),
            new Reason("intern", false), new Reason("semester", true), new Reason("föräldraledig", true));

    public TimeReportSettings {
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) throw new IllegalArgumentException("families.timereport.reasons must not be empty");
        if (hoursPerDay.signum() <= 0 || hoursPerDay.compareTo(Hours.MAX) > 0) {
            throw new IllegalArgumentException("families.timereport.hours_per_day must be above 0 and at most 24");
        }
        if (reminderWorkingDays < 1 || reminderWorkingDays > 10) {
            throw new IllegalArgumentException("families.timereport.reminder.working_days must be between 1 and 10");
        }
    }

    /**
     * Reads the YAML section; reasons are either names (counting as absence) or {@code {name, absence}} objects.
     * Invalid values stop the start with a message naming the setting.
     */
    public static TimeReportSettings from(JsonNode node) {
        List<Reason> reasons = new ArrayList<>();
        for (JsonNode reason : node.path("reasons")) {
            if (reason.isTextual()) {
                reasons.add(new Reason(reason.asText().trim().toLowerCase(Locale.ROOT), true));
            } else {
                String name = reason.path("name").asText("").trim().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) throw new IllegalArgumentException("families.timereport.reasons: every reason needs a name");
                reasons.add(new Reason(name, reason.path("absence").asBoolean(true)));
            }
        }
        JsonNode reminder = node.path("reminder");
        try {
            return new TimeReportSettings(reasons.isEmpty() ? DEFAULT_REASONS : reasons,
                    node.path("country").asText("SE"),
                    new BigDecimal(node.path("hours_per_day").asText("8")),
                    ZoneId.of(node.path("zone").asText("Europe/Stockholm")),
                    LocalTime.parse(reminder.path("time").asText("09:00")),
                    reminder.path("working_days").asInt(3));
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("families.timereport: " + e.getMessage(), e);
        }
    }

    /** The reason the user meant, matched case-insensitively; otherwise a "did you mean" naming the known ones. */
    public Reason reason(String typed) {
        String wanted = typed.trim().toLowerCase(Locale.ROOT);
        for (Reason reason : reasons) {
            if (reason.name().equals(wanted)) return reason;
        }
        List<String> names = reasons.stream().map(Reason::name).toList();
        String suggestion = DidYouMean.sentence(typed, names);
        throw new UserError("`" + typed + "` is not a reason." + suggestion + " Reasons: "
                + String.join(", ", names.stream().map(n -> "`" + n + "`").toList()) + ".");
    }

    /** Whether entries with this reason reduce worked hours; a reason no longer configured counts as absence. */
    public boolean countsAsAbsence(String reasonName) {
        return reasons.stream().filter(r -> r.name().equals(reasonName)).findFirst()
                .map(Reason::countsAsAbsence).orElse(true);
    }

    /** Today in the team's time zone: what `today` means in a command. */
    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Cron with seconds for the daily reminder. */
    public String reminderCron() {
        return "0 " + reminderTime.getMinute() + " " + reminderTime.getHour() + " * * *";
    }
}
