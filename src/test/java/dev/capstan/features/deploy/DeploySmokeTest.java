package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.Test;

class DeploySmokeTest {
    @Test
    void aTagGoesToProductionThroughJenkins() {
        try (DeployFixture fx = new DeployFixture(TestDatabases.Kind.H2)) {
            fx.setUp();
            long id = fx.deploy(ALICE, "/deploy v1.0.0 to production");
            fx.awaitState(id, "queued");
            System.out.println(fx.versions(id));
        }
    }
}
