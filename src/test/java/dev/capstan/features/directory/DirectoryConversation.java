package dev.capstan.features.directory;

import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A running Capstan with the directory family and a fake GitHub, shared by one test class's conversations. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DirectoryConversation {
    DirectoryFixture fx;

    TestDatabases.Kind database() {
        return TestDatabases.Kind.H2;
    }

    /** The YAML configuration the class runs with. */
    String settings() {
        return "";
    }

    @BeforeAll
    void startDirectory() {
        fx = new DirectoryFixture(database(), settings());
    }

    @AfterAll
    void stopDirectory() {
        fx.close();
    }
}
