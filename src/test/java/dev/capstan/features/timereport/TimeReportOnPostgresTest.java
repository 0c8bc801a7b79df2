package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportOnPostgresTest extends TimeReportConversationsTest {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.POSTGRES;
    }
}
