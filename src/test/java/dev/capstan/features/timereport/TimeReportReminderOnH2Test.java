package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportReminderOnH2Test extends TimeReportReminderConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }
}
