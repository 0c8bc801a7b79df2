package dev.capstan.features.timereport;

import dev.capstan.support.TestDatabases;

class TimeReportConfirmationOnH2Test extends TimeReportConfirmationConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }
}
