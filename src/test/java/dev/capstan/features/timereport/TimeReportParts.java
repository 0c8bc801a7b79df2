package dev.capstan.features.timereport;

import dev.capstan.platform.Feature;
import dev.capstan.platform.FeatureContext;
import dev.capstan.store.ApiTokens;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Test support: the family's services and lock reminder built from the same parts as the family builds them, on the
 * running app's database, clock and outbox, with the settings of {@link TimeReportConversation}, so a test can run
 * the reminder on a day of its choice or with a failing neighbour.
 */
final class TimeReportParts implements Feature {
    private TimeReportServices services;
    private LockReminder reminder;

    @Override
    public String name() {
        return "timereport-parts";
    }

    @Override
    public void register(FeatureContext context) {
        TimeReportSettings settings = new TimeReportSettings(null, "SE", null, ZoneId.of("Europe/Stockholm"),
                new TimeReportSettings.ReminderSetting(LocalTime.of(7, 45), null));
        TimeEntries entries = new TimeEntries(context.jdbi(), context.clock());
        MonthLocks locks = new MonthLocks(context.jdbi(), context.clock(), context::homeChanged);
        services = new TimeReportServices(settings, new WorkCalendar(settings.country()), entries, locks,
                new TimeWrites(context.jdbi(), entries, locks, context::homeChanged), new ApiTokens(context.jdbi(), context.clock(), "timereport_tokens", "ctr_"));
        reminder = new LockReminder(services, context.outbox(), context.clock());
    }

    TimeReportServices services() {
        return services;
    }

    LockReminder reminder() {
        return reminder;
    }
}
