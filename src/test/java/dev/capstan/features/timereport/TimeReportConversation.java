package dev.capstan.features.timereport;

import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestClock;
import dev.capstan.support.TestDatabases;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * A running Capstan with the time reporting family, on a fixed day, Monday 2020-05-18 (Ascension Day, a Swedish
 * public holiday, is Thursday 2020-05-21), for conversation tests. Every test uses its own people so that tests do
 * not see each other's entries; a test that moves the clock gets it set back afterwards. Runs on H2 and on PostgreSQL,
 * one app for each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
abstract class TimeReportConversation {
    static final String ADMIN = "UADMIN01";
    static final Instant MONDAY_2020_05_18 = Instant.parse("2020-05-18T08:00:00Z");
    static final String SETTINGS = """
            families:
              timereport:
                country: SE
                zone: Europe/Stockholm
                reasons:
                  - vab
                  - sjuk
                  - name: intern
                    absence: false
                  - semester
                  - föräldraledig
                reminder:
                  time: "07:45"
            """;

    @Parameter
    TestDatabases.Kind database;
    TestApp app;
    TimeReport timeReport;
    /** The family's reminder and services, built apart on the same app. */
    TimeReportParts parts;

    @BeforeParameterizedClassInvocation
    void start() {
        timeReport = new TimeReport();
        parts = new TimeReportParts();
        app = TestApp.on(database).admins(ADMIN).feature(timeReport).feature(parts)
                .clock(new TestClock(MONDAY_2020_05_18))
                .yaml(SETTINGS)
                .start();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        app.closeAll();
    }

    @AfterEach
    void resetClock() {
        app.clock().set(MONDAY_2020_05_18);
    }

    /** Runs a command, clicks Confirm and returns what replaced the question. */
    String confirmed(String user, String command) {
        SlashReply ask = app.as(user).run(command);
        SlashReply click = app.as(user).click(ask.button("Confirm"));
        return app.slack().awaitPosts(click.responseUrl(), 1).get(0).allText();
    }

    /** Clicks Confirm on a question asked earlier and returns what replaced it. */
    String confirm(String user, SlashReply ask) {
        SlashReply click = app.as(user).click(ask.button("Confirm"));
        return app.slack().awaitPosts(click.responseUrl(), 1).get(0).allText();
    }
}
