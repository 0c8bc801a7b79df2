package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportReminderOnPostgresTest extends TimeReportReminderConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.POSTGRES;
    }
}
