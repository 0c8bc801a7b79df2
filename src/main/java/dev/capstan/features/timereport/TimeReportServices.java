package dev.capstan.features.timereport;

import dev.capstan.store.ApiTokens;
import java.time.Clock;
import java.time.LocalDate;

/** What the family's commands, confirmations, API and reminder share; built once at registration. */
record TimeReportServices(TimeReportSettings settings, WorkCalendar calendar, TimeEntries entries, MonthLocks locks,
                          TimeWrites writes, ApiTokens tokens) {

    LocalDate today(Clock clock) {
        return settings.today(clock);
    }
}
