package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportListAndHelpOnH2Test extends TimeReportListAndHelpConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }
}
