package dev.capstan.features.directory;

import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** A running Capstan with the directory family and a fake GitHub, one on H2 and then one on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
abstract class DirectoryConversationOnEveryDatabase {
    @Parameter
    TestDatabases.Kind database;
    DirectoryFixture fx;

    /** The YAML configuration the class runs with. */
    String settings() {
        return "";
    }

    @BeforeParameterizedClassInvocation
    void startDirectory() {
        fx = new DirectoryFixture(database, settings());
    }

    @AfterParameterizedClassInvocation
    void stopDirectory() {
        fx.close();
    }
}
