package dev.capstan.platform;

import dev.capstan.support.TestDatabases;

class PlatformOnH2Test extends PlatformConversationsTest {
    @Override
    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }
}
