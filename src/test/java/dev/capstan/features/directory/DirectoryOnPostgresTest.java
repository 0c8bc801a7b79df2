package dev.capstan.features.directory;

import dev.capstan.support.TestDatabases;

class DirectoryOnPostgresTest extends DirectoryConversationsTest {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.POSTGRES;
    }
}
