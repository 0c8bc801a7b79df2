package dev.capstan.features.timereport;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.capstan.command.DidYouMean;
import dev.capstan.command.UserError;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** The family's configuration ({@code families.timereport} in the YAML file), with defaults for everything missing. */
record TimeReportSettings(List<ReasonSetting> reasons, String country, BigDecimal hoursPerDay, ZoneId zone,
                                 ReminderSetting reminder) {

    static final List<ReasonSetting> DEFAULT_REASONS = List.of(new ReasonSetting("vab", true), new ReasonSetting("sjuk", true),
            new ReasonSetting("intern", false), new ReasonSetting("semester", true), new ReasonSetting("föräldraledig", true));

    /** A reason as written: a plain name (counting as absence) or {@code {name, absence}}. */
    public record ReasonSetting(String name, Boolean absence) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static ReasonSetting named(String name) {
            return new ReasonSetting(name, true);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public ReasonSetting {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("every reason needs a name");
            name = name.trim().toLowerCase(Locale.ROOT);
            absence = absence == null || absence;
        }
    }

    /** When the lock reminder goes out: the time of day, on the first {@code workingDays} working days of a month. */
    public record ReminderSetting(LocalTime time, Integer workingDays) {
        public ReminderSetting {
            time = time == null ? LocalTime.of(9, 0) : time;
            workingDays = workingDays == null ? 3 : workingDays;
            if (workingDays < 1 || workingDays > 10) throw new IllegalArgumentException("working_days must be between 1 and 10");
        }
    }

    public TimeReportSettings {
        reasons = reasons == null || reasons.isEmpty() ? DEFAULT_REASONS : List.copyOf(reasons);
        country = country == null || country.isBlank() ? "SE" : country.trim();
        hoursPerDay = hoursPerDay == null ? new BigDecimal("8") : hoursPerDay;
        if (hoursPerDay.signum() <= 0 || hoursPerDay.compareTo(Hours.MAX) > 0) {
            throw new IllegalArgumentException("hours_per_day must be above 0 and at most 24");
        }
        zone = zone == null ? ZoneId.of("Europe/Stockholm") : zone;
        reminder = reminder == null ? new ReminderSetting(null, null) : reminder;
    }

    /** The configured reasons, in order. */
    public List<Reason> reasonList() {
        return reasons.stream().map(r -> new Reason(r.name(), r.absence())).toList();
    }

    public LocalTime reminderTime() {
        return reminder.time();
    }

    public int reminderWorkingDays() {
        return reminder.workingDays();
    }

    /** The reason the user meant, matched case-insensitively; otherwise a "did you mean" naming the known ones. */
    public Reason reason(String typed) {
        String wanted = typed.trim().toLowerCase(Locale.ROOT);
        for (Reason reason : reasonList()) {
            if (reason.name().equals(wanted)) return reason;
        }
        List<String> names = reasons.stream().map(ReasonSetting::name).toList();
        String suggestion = DidYouMean.sentence(typed, names);
        throw new UserError("`" + typed + "` is not a reason." + suggestion + " Reasons: "
                + String.join(", ", names.stream().map(n -> "`" + n + "`").toList()) + ".");
    }

    /** Whether entries with this reason reduce worked hours; a reason no longer configured counts as absence. */
    public boolean countsAsAbsence(String reasonName) {
        return reasons.stream().filter(r -> r.name().equals(reasonName)).findFirst()
                .map(ReasonSetting::absence).orElse(true);
    }

    /** Today in the team's time zone: what `today` means in a command. */
    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Cron with seconds for the daily reminder. */
    public String reminderCron() {
        return "0 " + reminder.time().getMinute() + " " + reminder.time().getHour() + " * * *";
    }
}
