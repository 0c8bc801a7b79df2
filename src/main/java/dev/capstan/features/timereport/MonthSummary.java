package dev.capstan.features.timereport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One month's figures (cut to the listed days): working hours from the calendar, hours absent from the reasons
 * that count as absence, worked = working − absent, and hours per reason.
 */
record MonthSummary(YearMonth month, Period period, BigDecimal workingHours, BigDecimal absentHours,
                    Map<String, BigDecimal> hoursByReason) {

    static MonthSummary of(Period period, List<TimeEntry> entries, WorkCalendar calendar, TimeReportSettings settings) {
        long workingDays = calendar.workingDays(period).size();
        BigDecimal working = settings.hoursPerDay().multiply(BigDecimal.valueOf(workingDays));
        BigDecimal absent = BigDecimal.ZERO;
        Map<String, BigDecimal> byReason = new TreeMap<>();
        for (TimeEntry entry : entries) {
            LocalDate day = entry.day();
            if (day.isBefore(period.from()) || day.isAfter(period.to())) continue;
            byReason.merge(entry.reason(), entry.hours(), BigDecimal::add);
            if (settings.countsAsAbsence(entry.reason()) && calendar.isWorkingDay(day)) absent = absent.add(entry.hours());
        }
        return new MonthSummary(YearMonth.from(period.from()), period, working, absent, byReason);
    }

    BigDecimal workedHours() {
        BigDecimal worked = workingHours.subtract(absentHours);
        return worked.signum() < 0 ? BigDecimal.ZERO : worked;
    }

    /** "128 / 152 h (−24 absent)". */
    String figures() {
        return Hours.format(workedHours()) + " / " + Hours.format(workingHours) + " h (\u2212" + Hours.format(absentHours) + " absent)";
    }

    /** "intern 8 h · vab 24 h", or a dash when nothing was reported. */
    String perReason() {
        if (hoursByReason.isEmpty()) return "nothing reported";
        return String.join(" · ", hoursByReason.entrySet().stream()
                .map(e -> e.getKey() + " " + Hours.format(e.getValue()) + " h").toList());
    }
}
