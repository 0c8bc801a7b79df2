package dev.capstan.features.directory;

import dev.capstan.support.TestDatabases;

class DirectoryHostileInputOnH2Test extends DirectoryHostileInputConversations {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }
}
