package dev.capstan.features.directory;

import dev.capstan.support.TestDatabases;

class DirectoryRacesOnH2Test extends DirectoryRaceConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }
}
