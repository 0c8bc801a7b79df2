package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** A team that wants channels configured by its leads only says so with `setup_role`; the refusal names the role. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class DeploySetupRoleTest {
    @Parameter
    TestDatabases.Kind database;
    DeployFixture fx;

    @BeforeParameterizedClassInvocation
    void start() {
        fx = new DeployFixture(database, "families:\n  deploy:\n    setup_role: team_lead\n");
    }

    @AfterParameterizedClassInvocation
    void stop() {
        fx.close();
    }

    @Test
    void withSetupRoleTeamLeadOnlyATeamLeadMaySetUpResetSetOrUnset() {
        DeployFixture.Project p = fx.project();
        for (String command : new String[] {"setup acme/x", "reset", "set basedomain example.com", "unset basedomain"}) {
            assertThat(p.run(ALICE, "/deploy " + command).text()).as(command).contains("You can't run", "needs role team_lead", "you are member");
        }
        assertThat(p.run(ALICE, "/deploy help").text()).doesNotContain("`/deploy setup").contains("`/deploy hello");
        assertThat(p.run(LEAD, "/deploy set basedomain example.com").text()).doesNotContain("can't run");
    }
}
