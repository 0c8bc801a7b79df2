package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportRacesOnPostgresTest extends TimeReportRaceConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.POSTGRES;
    }
}
