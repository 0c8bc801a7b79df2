package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportOnH2Test extends TimeReportConversationsTest {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }
}
