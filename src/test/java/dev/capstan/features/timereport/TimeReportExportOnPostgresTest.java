package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportExportOnPostgresTest extends TimeReportExportConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.POSTGRES;
    }
}
