package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportModalOnH2Test extends TimeReportModalConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }
}
