package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportExportOnH2Test extends TimeReportExportConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }
}
