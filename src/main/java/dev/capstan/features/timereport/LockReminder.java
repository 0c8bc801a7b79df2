package dev.capstan.features.timereport;

import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily reminder: during the first working days of a month, DMs everyone who reported time last month but
 * has not locked it. Failures are logged per person and then reported to the scheduler, never swallowed.
 */
final class LockReminder implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(LockReminder.class);

    private final TimeReportServices services;
    private final Outbox outbox;
    private final Clock clock;

    LockReminder(TimeReportServices services, Outbox outbox, Clock clock) {
        this.services = services;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void run() {
        remind(services.today(clock));
    }

    /** Sends today's reminders and returns who was reminded. */
    List<String> remind(LocalDate today) {
        if (!isEarlyWorkingDay(today)) return List.of();
        YearMonth last = YearMonth.from(today).minusMonths(1);
        List<String> people = new ArrayList<>(services.entries().people(Period.month(last)));
        people.removeAll(services.locks().lockedBy(last));
        List<String> reminded = new ArrayList<>();
        int failures = 0;
        for (String userId : people) {
            try {
                outbox.send(new Destination.DirectMessage(userId), message(last));
                reminded.add(userId);
            } catch (RuntimeException e) {
                failures++;
                log.error("Could not queue the lock reminder for {}", userId, e);
            }
        }
        log.info("Reminded {} people to lock {}", reminded.size(), last);
        if (failures > 0) throw new IllegalStateException(failures + " lock reminders for " + last + " could not be queued");
        return reminded;
    }

    private boolean isEarlyWorkingDay(LocalDate today) {
        if (!services.calendar().isWorkingDay(today)) return false;
        List<LocalDate> sinceFirst = services.calendar().workingDays(new Period(today.withDayOfMonth(1), today));
        return sinceFirst.size() <= services.settings().reminderWorkingDays();
    }

    private static Reply message(YearMonth month) {
        return Reply.text(":calendar: You reported time in " + Period.label(month) + " but have not locked it yet. "
                + "Check it with `/timereport list " + month + "`, then lock it with `/timereport lock " + month + "`.");
    }
}
