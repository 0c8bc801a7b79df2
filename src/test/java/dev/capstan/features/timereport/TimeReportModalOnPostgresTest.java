package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportModalOnPostgresTest extends TimeReportModalConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.POSTGRES;
    }
}
