package dev.capstan.features.directory;

import dev.capstan.support.TestDatabases;

class DirectoryTeamsOnH2Test extends DirectoryTeamConversationsTest {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }
}
