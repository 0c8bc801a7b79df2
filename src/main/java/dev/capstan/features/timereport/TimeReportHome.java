package dev.capstan.features.timereport;

import dev.capstan.command.Block;
import dev.capstan.command.HomeSections;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Time reporting's part of a person's Home tab: this month's hours against its working days (public holidays left out),
 * the working days so far without an entry, whether the month is locked, and a button opening the add-time form.
 */
final class TimeReportHome implements HomeSections.Section {
    static final String ADD_ACTION = "timereport.home.add";
    private static final int MOST_DAYS_NAMED = 10;

    private final TimeReportServices services;
    private final Clock clock;

    TimeReportHome(TimeReportServices services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    @Override
    public List<Block> blocks(String userId) {
        LocalDate today = services.today(clock);
        YearMonth month = YearMonth.from(today);
        Period period = Period.month(month);
        List<TimeEntry> entries = services.entries().of(userId, period);
        MonthSummary summary = MonthSummary.of(period, entries, services.calendar(), services.settings());
        List<LocalDate> working = services.calendar().workingDays(period);
        List<String> holidays = period.days().stream()
                .filter(day -> !Period.isWeekend(day) && services.calendar().holiday(day).isPresent())
                .map(day -> Period.label(day) + " " + services.calendar().holiday(day).get()).toList();
        List<LocalDate> reported = entries.stream().map(TimeEntry::day).toList();
        List<LocalDate> withoutEntry = working.stream().filter(day -> !day.isAfter(today) && !reported.contains(day)).toList();
        boolean locked = !services.locks().of(userId, period).isEmpty();

        List<String> fields = new ArrayList<>();
        fields.add("*Hours*\n" + summary.figures());
        fields.add("*Working days*\n" + working.size() + (holidays.isEmpty() ? "" : " (public holidays left out: " + String.join(", ", holidays) + ")"));
        fields.add("*Working days so far without an entry*\n" + (withoutEntry.isEmpty() ? "none" : withoutEntry.size() + ": "
                + String.join(", ", withoutEntry.stream().limit(MOST_DAYS_NAMED).map(Period::label).toList())
                + (withoutEntry.size() > MOST_DAYS_NAMED ? ", …" : "")));
        fields.add("*Month*\n" + (locked ? ":lock: locked" : "open"));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Your time, " + Period.label(month)));
        blocks.add(new Block.Section(summary.perReason(), fields));
        if (!locked) {
            blocks.add(new Block.Actions(List.of(new Block.Button("Add time", ADD_ACTION, month.toString(), Block.Button.Style.PRIMARY))));
        }
        return blocks;
    }
}
