package dev.capstan.features.directory;

import dev.capstan.support.TestDatabases;

class DirectoryRacesOnPostgresTest extends DirectoryRaceConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.POSTGRES;
    }
}
