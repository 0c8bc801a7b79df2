package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportRangesOnPostgresTest extends TimeReportRangeConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.POSTGRES;
    }
}
