package dev.capstan.features.directory;

import dev.capstan.support.TestDatabases;

class DirectoryHostileInputOnPostgresTest extends DirectoryHostileInputConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.POSTGRES;
    }
}
