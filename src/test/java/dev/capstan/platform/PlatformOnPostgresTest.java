package dev.capstan.platform;

import dev.capstan.support.TestDatabases;

class PlatformOnPostgresTest extends PlatformConversationsTest {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.POSTGRES;
    }
}
