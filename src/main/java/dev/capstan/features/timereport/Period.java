package dev.capstan.features.timereport;

import dev.capstan.command.UserError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** An inclusive range of days, parsed from what people type: today, yesterday, 2020-05-20, 2020-05, 2020-05-20:2020-05-22. */
record Period(LocalDate from, LocalDate to) {
    /** The years a report holds: four digits, as YYYY says, from 1900 on (an earlier year is a typing mistake). */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    public Period {
        if (from.isAfter(to)) throw new UserError("A range must start on or before its end: " + from + " is after " + to + ".");
    }

    public static Period day(LocalDate day) {
        return new Period(day, day);
    }

    public static Period month(YearMonth month) {
        return new Period(month.atDay(1), month.atEndOfMonth());
    }

    /** A day or a range of days; {@code today} is the day in the team's time zone. */
    public static Period parseDays(String text, LocalDate today) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        if (colon >= 0) return new Period(date(t.substring(0, colon), today), date(t.substring(colon + 1), today));
        return day(date(t, today));
    }

    /** As {@link #parseDays} but also a whole month, {@code YYYY-MM}. */
    public static Period parseDaysOrMonth(String text, LocalDate today) {
        String t = text.trim();
        if (t.matches("\\d{4}-\\d{1,2}")) return month(month(t));
        return parseDays(t, today);
    }

    public static YearMonth month(String text) {
        String t = text.trim();
        try {
            if (MONTH.matcher(t).matches()) {
                YearMonth month = YearMonth.parse(t);
                if (month.getYear() >= FIRST_YEAR) return month;
            }
        } catch (DateTimeParseException e) {
            // explained below
        }
        throw new UserError("`" + text + "` is not a month; write it as YYYY-MM, e.g. `2020-05`, from " + FIRST_YEAR
                + "-01 to " + LAST_YEAR + "-12.");
    }

    /** A year a report can hold, written YYYY. */
    public static Year year(String text) {
        if (!text.matches("\\d{4}") || Integer.parseInt(text) < FIRST_YEAR) {
            throw new UserError("`" + text + "` is not a year; write it as YYYY, e.g. `2020`, from " + FIRST_YEAR + " to "
                    + LAST_YEAR + ".");
        }
        return Year.of(Integer.parseInt(text));
    }

    /** A day written YYYY-MM-DD, in the years a report holds; {@code what} says what a day may be written as here. */
    public static LocalDate date(String text, String what) {
        try {
            if (DATE.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                if (day.getYear() >= FIRST_YEAR) return day;
            }
        } catch (DateTimeParseException e) {
            // explained below
        }
        throw new UserError("`" + text + "` is not a day; write " + what + ", from " + FIRST_YEAR + "-01-01 to "
                + LAST_YEAR + "-12-31.");
    }

    private static LocalDate date(String text, LocalDate today) {
        switch (text) {
            case "today": return today;
            case "yesterday": return today.minusDays(1);
            default: return date(text, "`today`, `yesterday`, YYYY-MM-DD or a range YYYY-MM-DD:YYYY-MM-DD");
        }
    }

    public long length() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean isSingleDay() {
        return from.equals(to);
    }

    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) days.add(d);
        return days;
    }

    /** The months this period touches, each cut to the period. */
    public List<Period> byMonth() {
        List<Period> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            LocalDate start = m.atDay(1).isBefore(from) ? from : m.atDay(1);
            LocalDate end = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
            months.add(new Period(start, end));
        }
        return months;
    }

    public List<YearMonth> months() {
        return byMonth().stream().map(p -> YearMonth.from(p.from())).toList();
    }

    @Override
    public String toString() {
        return isSingleDay() ? label(from) : label(from) + " to " + label(to);
    }

    /** "Wed 2020-05-20": the weekday helps people spot a wrong date. */
    public static String label(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + day;
    }

    /** Labels of the days, at most {@code max} of them, then how many more there are. */
    public static String labels(List<LocalDate> days, int max) {
        List<String> shown = days.stream().limit(max).map(Period::label).toList();
        String text = String.join(", ", shown);
        return days.size() > max ? text + " and " + (days.size() - max) + " more" : text;
    }

    public static String label(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
