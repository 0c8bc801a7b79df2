package dev.capstan.features.deploy;

import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** A running Capstan with the deploy family under the policy example, on a fixed clock set to a Wednesday before each test. */
@OnEveryDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeployPolicyConversation {
    @Parameter
    TestDatabases.Kind database;
    DeployFixture fx;

    @BeforeParameterizedClassInvocation
    void startDeployments() {
        fx = DeployFixture.withPolicy(database);
    }

    @AfterParameterizedClassInvocation
    void stopDeployments() {
        fx.close();
    }

    @BeforeEach
    void wednesday() {
        fx.clock.set(DeployFixture.WEDNESDAY);
    }
}
