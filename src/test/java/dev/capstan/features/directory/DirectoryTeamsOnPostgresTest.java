package dev.capstan.features.directory;

import dev.capstan.support.TestDatabases;

class DirectoryTeamsOnPostgresTest extends DirectoryTeamConversationsTest {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.POSTGRES;
    }
}
