package dev.capstan.features.timereport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.support.Await;
import dev.capstan.support.FakeSlack;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The daily lock reminder: whom it DMs and when, its schedule, and what happens when a DM fails. */
class TimeReportReminderConversationsTest extends TimeReportConversation {

    @Test
    void theReminderDmsWhoReportedLastMonthButDidNotLockItDuringTheFirstWorkingDays() {
        confirmed("UREMIND01", "/timereport add vab 2020-05-19");
        confirmed("UREMIND02", "/timereport add vab 2020-05-19");
        app.as("UREMIND02").run("/timereport lock 2020-05");
        confirmed("UREMIND03", "/timereport add vab 2020-04-20");

        LockReminder reminder = parts.reminder();
        assertThat(reminder.remind(LocalDate.parse("2020-06-01"))).contains("UREMIND01").doesNotContain("UREMIND02", "UREMIND03");
        assertThat(app.slack().awaitDms("UREMIND01", 1).get(0).arg("text"))
                .contains("You reported time in May 2020 but have not locked it yet").contains("`/timereport lock 2020-05`");
        // Monday 1 June is the first working day, Wednesday 3 June the third and last day of reminders.
        assertThat(reminder.remind(LocalDate.parse("2020-06-03"))).contains("UREMIND01");
        assertThat(reminder.remind(LocalDate.parse("2020-06-04"))).isEmpty();
        assertThat(reminder.remind(LocalDate.parse("2020-05-31"))).isEmpty();
    }

    @Test
    void theReminderCountsWorkingDaysWithTheHolidayCalendar() {
        confirmed("UREMIND04", "/timereport add vab 2019-12-02");
        LockReminder reminder = parts.reminder();
        // 1 January is New Year's Day and 6 January Epiphany: the first three working days are 2, 3 and 7 January.
        assertThat(reminder.remind(LocalDate.parse("2020-01-01"))).isEmpty();
        assertThat(reminder.remind(LocalDate.parse("2020-01-07"))).contains("UREMIND04");
        assertThat(reminder.remind(LocalDate.parse("2020-01-08"))).isEmpty();
    }

    @Test
    void theScheduledReminderUsesTheClockInTheTeamsTimeZone() {
        confirmed("UREMIND05", "/timereport add sjuk 2020-05-04");
        try {
            // 22:30 UTC on Sunday 31 May is already Monday 1 June in Stockholm.
            app.clock().set(Instant.parse("2020-05-31T22:30:00Z"));
            parts.reminder().run();
            assertThat(app.slack().awaitDms("UREMIND05", 1).get(0).arg("text")).contains("May 2020");
        } finally {
            app.clock().set(MONDAY_2020_05_18);
        }
    }

    @Test
    void theReminderArrivesByItselfWhenTheClockReachesItsTime() {
        confirmed("UREMIND06", "/timereport add sjuk 2020-05-05");
        try {
            // 05:46 UTC on Monday 1 June is 07:46 in Stockholm: a minute after the reminder's time on the first working day.
            app.clock().set(Instant.parse("2020-06-01T05:46:00Z"));
            app.runDueJobs();
            assertThat(app.slack().awaitDms("UREMIND06", 1).get(0).arg("text")).contains("May 2020");
        } finally {
            app.clock().set(MONDAY_2020_05_18);
        }
    }

    @Test
    void theReminderIsScheduledAtTheConfiguredTimeInTheConfiguredZone() {
        // The settings say 07:45 in Europe/Stockholm; the scheduler stores the next firing by Capstan's clock, in UTC.
        Instant next = app.capstan().database().jdbi().withHandle(h -> h.createQuery(
                        "select execution_time from scheduled_deadlines where task_name = 'timereport-lock-reminder'")
                .mapTo(OffsetDateTime.class).one()).toInstant();
        assertThat(next.atZone(ZoneId.of("Europe/Stockholm")).toLocalTime()).isEqualTo(LocalTime.of(7, 45));
        assertThat(next).isAfter(app.clock().instant());
    }

    @Test
    void aDmThatFailsOnceIsRetriedWhileTheOthersArriveAnyway() {
        for (String user : List.of("UREMFAIL1", "UREMFAIL2", "UREMFAIL3")) confirmed(user, "/timereport add vab 2020-02-10");
        app.slack().scriptNextFor("chat.postMessage", "UREMFAIL2", slackError("internal_error"));
        // Monday 2 March 2020 is the first working day of March.
        assertThat(parts.reminder().remind(LocalDate.parse("2020-03-02")))
                .containsExactlyInAnyOrder("UREMFAIL1", "UREMFAIL2", "UREMFAIL3");
        assertThat(app.slack().awaitDms("UREMFAIL1", 1).get(0).arg("text")).contains("February 2020");
        assertThat(app.slack().awaitDms("UREMFAIL3", 1).get(0).arg("text")).contains("February 2020");
        assertThat(app.slack().awaitDms("UREMFAIL2", 2).get(1).arg("text")).contains("February 2020");
    }

    @Test
    void aDmSlackRefusesForGoodIsGivenUpAtOnceWithAnErrorSayingWhyAndTheOthersArriveAnyway() {
        for (String user : List.of("UREMFAIL4", "UREMFAIL5")) confirmed(user, "/timereport add vab 2020-01-13");
        for (int i = 0; i < 8; i++) app.slack().scriptNextFor("chat.postMessage", "UREMFAIL4", slackError("account_inactive"));
        ListAppender<ILoggingEvent> logs = captureLogs();
        try {
            // Monday 3 February 2020 is the first working day of February.
            assertThat(parts.reminder().remind(LocalDate.parse("2020-02-03"))).containsExactlyInAnyOrder("UREMFAIL4", "UREMFAIL5");
            assertThat(app.slack().awaitDms("UREMFAIL5", 1).get(0).arg("text")).contains("January 2020");
            // account_inactive can never pass: the delivery stops after one try and says what Slack refused.
            Await.until(() -> List.copyOf(logs.list), events -> events.stream().anyMatch(e -> e.getLevel() == Level.ERROR
                    && e.getFormattedMessage().contains("Gave up delivering a reply to user UREMFAIL4")
                    && e.getFormattedMessage().contains("Slack refused chat.postMessage: account_inactive (after 1 attempt)")),
                    Duration.ofSeconds(15), "an error in the log saying why the DM was given up");
            assertThat(app.slack().calls("chat.postMessage").stream().filter(c -> "UREMFAIL4".equals(c.arg("channel"))).count())
                    .isEqualTo(1);
        } finally {
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        }
    }

    @Test
    void aReminderThatCannotBeQueuedIsLoggedTheOthersStillGoAndTheRunFails() {
        for (String user : List.of("UREMQUE01", "UREMQUE02", "UREMQUE03")) confirmed(user, "/timereport add vab 2019-10-14");
        List<String> queued = new CopyOnWriteArrayList<>();
        Outbox failingForOne = (destination, reply) -> {
            String userId = ((Destination.DirectMessage) destination).userId();
            if (userId.equals("UREMQUE02")) throw new IllegalStateException("the job table is unavailable");
            queued.add(userId);
        };
        LockReminder reminder = new LockReminder(parts.services(), failingForOne, app.clock());
        ListAppender<ILoggingEvent> logs = captureLogs();
        try {
            // Friday 1 November 2019 is the first working day of November (All Saints' Day is on Saturday 2 November).
            assertThatThrownBy(() -> reminder.remind(LocalDate.parse("2019-11-01")))
                    .hasMessageContaining("1 lock reminders for 2019-10 could not be queued");
            assertThat(queued).contains("UREMQUE01", "UREMQUE03").doesNotContain("UREMQUE02");
            assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .contains("Could not queue the lock reminder for UREMQUE02"));
        } finally {
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        }
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    private static FakeSlack.Scripted slackError(String error) {
        return new FakeSlack.Scripted(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}");
    }
}
