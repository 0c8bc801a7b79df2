package dev.capstan.features.timereport;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which days are working days: not a weekend and not a public holiday of the configured country (jollyday). */
final class WorkCalendar {
    private final HolidayManager holidays;
    private final Map<Integer, Map<LocalDate, String>> byYear = new HashMap<>();

    public WorkCalendar(String country) {
        this.holidays = managerFor(country);
    }

    /**
     * One country's holiday manager. jollyday finds its calendar source through one shared ServiceLoader, which is not
     * thread-safe: two Capstans building calendars at once in one JVM (replicas in a test) could find none.
     */
    private static HolidayManager managerFor(String country) {
        String code = country.trim().toUpperCase(Locale.ROOT);
        synchronized (HolidayManager.class) {
            if (!HolidayManager.getSupportedCalendarCodes().contains(code)) {
                throw new IllegalArgumentException("families.timereport.country: no holiday calendar for '" + country + "'");
            }
            return HolidayManager.getInstance(ManagerParameters.create(code));
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        return !Period.isWeekend(day) && holiday(day).isEmpty();
    }

    /** The public holiday's name on that day, if it is one. */
    public Optional<String> holiday(LocalDate day) {
        return Optional.ofNullable(holidaysOf(day.getYear()).get(day));
    }

    public List<LocalDate> workingDays(Period period) {
        return period.days().stream().filter(this::isWorkingDay).toList();
    }

    /** Why a day is not a working day: "Ascension Day", "weekend"; empty for a working day. */
    public Optional<String> whyFree(LocalDate day) {
        Optional<String> holiday = holiday(day);
        if (holiday.isPresent()) return holiday;
        return Period.isWeekend(day) ? Optional.of("weekend") : Optional.empty();
    }

    private synchronized Map<LocalDate, String> holidaysOf(int year) {
        return byYear.computeIfAbsent(year, y -> {
            Map<LocalDate, String> days = new HashMap<>();
            for (Holiday holiday : holidays.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY)) {
                days.put(holiday.getDate(), holiday.getDescription(Locale.ENGLISH));
            }
            return days;
        });
    }
}
