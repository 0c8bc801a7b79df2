package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportConfirmationOnPostgresTest extends TimeReportConfirmationConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.POSTGRES;
    }
}
