package dev.capstan.features.directory;

import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A running Capstan on H2 with the directory family and a fake GitHub, shared by one test class's conversations.
 * {@link DirectoryConversationOnEveryDatabase} is the same on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DirectoryConversation {
    DirectoryFixture fx;

    /** The YAML configuration the class runs with. */
    String settings() {
        return "";
    }

    @BeforeAll
    void startDirectory() {
        fx = new DirectoryFixture(TestDatabases.Kind.H2, settings());
    }

    @AfterAll
    void stopDirectory() {
        fx.close();
    }
}
