package dev.capstan.features.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** A declared command's policy (its users and role, its channels) refusing someone is audited as refused, by that policy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class DeclaredRefusalsAuditTest {
    @Parameter
    TestDatabases.Kind database;
    Declared declared;

    @BeforeParameterizedClassInvocation
    void start() {
        declared = new Declared(database);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        declared.close();
    }

    private String audit(String line) {
        return declared.app.as(Declared.ADMIN).run("/capstan audit " + line).text();
    }

    @Test
    void refusalsByACommandsUsersOrChannelsAreFoundUnderOutcomeRefusedWithThePolicy() {
        assertThat(declared.app.as(Declared.MEMBER).in(Declared.OPS).run("/capstan restart api").text())
                .contains("`restart` needs role team_lead or to be one of <@U0OPSLEAD1>, and you are member");
        assertThat(declared.app.as(Declared.LEAD).in("CGENERAL").run("/capstan restart api").text())
                .contains("`restart` runs only in <#C0OPS00001>");

        assertThat(audit("--outcome refused --user " + Declared.MEMBER)).contains("`/capstan restart api` → denied: ",
                " · refused by `restart` policy: `restart` needs role team_lead or to be one of <@U0OPSLEAD1>, and you are member");
        assertThat(audit("--outcome refused --user " + Declared.LEAD)).contains(
                " · refused by `restart` policy: `restart` runs only in <#C0OPS00001>");
        assertThat(audit("--outcome denied --user " + Declared.MEMBER)).isEqualTo("No entries match.");
    }

    @Test
    void aWrongOutcomeWordIsExplained() {
        assertThat(audit("--outcome \"two words\"")).contains("`--outcome` takes one word such as `refused`");
    }
}
