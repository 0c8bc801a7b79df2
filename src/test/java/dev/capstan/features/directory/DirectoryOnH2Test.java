package dev.capstan.features.directory;

import dev.capstan.support.TestDatabases;

class DirectoryOnH2Test extends DirectoryConversationsTest {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }
}
