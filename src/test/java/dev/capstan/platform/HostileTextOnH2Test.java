package dev.capstan.platform;

import dev.capstan.support.TestDatabases;

class HostileTextOnH2Test extends HostileTextConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }
}
