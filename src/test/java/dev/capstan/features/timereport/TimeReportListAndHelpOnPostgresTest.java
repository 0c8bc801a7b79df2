package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportListAndHelpOnPostgresTest extends TimeReportListAndHelpConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.POSTGRES;
    }
}
