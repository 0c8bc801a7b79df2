package dev.capstan.features.deploy;

import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** A running Capstan with the deploy family under the policy example, on a fixed clock set to a Wednesday before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeployPolicyConversation {
    DeployFixture fx;

    @BeforeAll
    void startDeployments() {
        fx = DeployFixture.withPolicy(TestDatabases.Kind.H2);
    }

    @AfterAll
    void stopDeployments() {
        fx.close();
    }

    @BeforeEach
    void wednesday() {
        fx.clock.set(DeployFixture.WEDNESDAY);
    }
}
