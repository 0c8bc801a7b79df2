package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportRangesOnH2Test extends TimeReportRangeConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }
}
