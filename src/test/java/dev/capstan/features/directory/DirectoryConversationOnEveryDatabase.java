package dev.capstan.features.directory;

import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestDatabases;
import java.util.Map;
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

    /** Environment variables the class runs with beyond GitHub's. */
    Map<String, String> env() {
        return Map.of();
    }

    @BeforeParameterizedClassInvocation
    void startDirectory() {
        fx = new DirectoryFixture(database, settings(), env());
    }

    @AfterParameterizedClassInvocation
    void stopDirectory() {
        fx.close();
    }
}
