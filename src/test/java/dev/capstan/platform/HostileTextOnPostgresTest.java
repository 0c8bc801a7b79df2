package dev.capstan.platform;

import dev.capstan.support.TestDatabases;

class HostileTextOnPostgresTest extends HostileTextConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.POSTGRES;
    }
}
