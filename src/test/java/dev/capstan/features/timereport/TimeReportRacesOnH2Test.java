package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportRacesOnH2Test extends TimeReportRaceConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }
}
