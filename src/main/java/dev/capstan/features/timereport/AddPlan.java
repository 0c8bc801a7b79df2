package dev.capstan.features.timereport;

import dev.capstan.command.UserError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which days an add writes, shared by {@code /timereport add} and the add-time modal so both keep the same rules:
 * a range covers working days only, locked months are refused, days already reported are left alone.
 */
record AddPlan(Period period, List<LocalDate> open, List<LocalDate> taken) {
    static final int LONGEST_RANGE_DAYS = 366;

    AddPlan {
        open = List.copyOf(open);
        taken = List.copyOf(taken);
    }

    /** Plans an add for the person, or says with a {@link UserError} (a {@link MonthLocked} for locks) why there is nothing to add. */
    static AddPlan of(TimeReportServices services, String userId, Period period) {
        if (period.length() > LONGEST_RANGE_DAYS) throw new UserError("A range may cover at most a year; " + period + " is longer.");
        List<LocalDate> days = period.isSingleDay() ? List.of(period.from()) : services.calendar().workingDays(period);
        if (days.isEmpty()) {
            throw new UserError(period + " has no working days (weekends and public holidays are skipped); nothing to add.");
        }
        services.writes().requireUnlocked(userId, days);
        List<LocalDate> taken = services.entries().of(userId, period).stream().map(TimeEntry::day).filter(days::contains).toList();
        List<LocalDate> open = new ArrayList<>(days);
        open.removeAll(taken);
        if (open.isEmpty()) {
            throw new UserError("Already reported: " + Period.labels(taken, 10) + ". One entry per day: use `edit` to change it.");
        }
        return new AddPlan(period, open, taken);
    }

    /** Lines that say which days of the period are skipped and why, each starting with a newline; empty when none are. */
    String skippedNotes(WorkCalendar calendar) {
        StringBuilder notes = new StringBuilder();
        if (!period.isSingleDay()) {
            List<String> skipped = new ArrayList<>();
            for (LocalDate d : period.days()) {
                calendar.holiday(d).ifPresent(name -> skipped.add(Period.label(d) + " (" + name + ")"));
            }
            long weekendDays = period.days().stream().filter(Period::isWeekend).filter(d -> calendar.holiday(d).isEmpty()).count();
            if (weekendDays > 0) skipped.add(weekendDays == 1 ? "1 weekend day" : weekendDays + " weekend days");
            if (!skipped.isEmpty()) notes.append("\nSkipped, not working days: ").append(String.join(", ", skipped)).append('.');
        } else {
            calendar.whyFree(period.from()).ifPresent(why ->
                    notes.append("\nNote: ").append(Period.label(period.from())).append(" is not a working day (").append(why).append(")."));
        }
        return notes.toString();
    }
}
