package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Text no database column takes as it is (U+0000, which PostgreSQL refuses) still reaches the audit log, and gets answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class HostileTextTest {
    static final String ADMIN = "UADMIN01";
    @Parameter
    TestDatabases.Kind database;
    TestApp app;

    @BeforeParameterizedClassInvocation
    void start() {
        app = TestApp.on(database).admins(ADMIN).feature(new DemoFamily()).start();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        app.closeAll();
    }

    @Test
    void aWordStartingWithAnAtSignIsTakenAsItIsNeverAsAFileOnTheServerToRead() {
        assertThat(app.as("UATFILE01").run("/capstan demo echo @/etc/hostname").text()).isEqualTo("@/etc/hostname");
        assertThat(app.as("UATFILE01").run("/capstan demo echo @/").text()).isEqualTo("@/");
    }

    @Test
    void aNulInAFastCommandIsAnsweredAndAuditedAsItsEscape() {
        assertThat(app.as("UNULFAST1").run("/capstan demo echo a\0b").text()).isEqualTo("a\0b");
        String audit = app.as(ADMIN).run("/capstan audit --user UNULFAST1").text();
        assertThat(audit).contains("`/capstan demo echo a\\u0000b` → allowed · ok");
    }

    @Test
    void aNulInASlowCommandIsQueuedAnsweredAndAudited() {
        SlashReply ack = app.as("UNULSLOW1").run("/capstan demo slow a\0b");
        assertThat(ack.text()).contains("Working on");
        assertThat(app.slack().awaitPosts(ack.responseUrl(), 1).get(0).text()).isEqualTo("slow done: a\0b");
        assertThat(app.as(ADMIN).run("/capstan audit --user UNULSLOW1").text())
                .contains("`/capstan demo slow a\\u0000b` → allowed · ok");
    }

    @Test
    void aBackslashBeforeAUIsAuditedDoubledSoThatANulCannotBeMistakenForIt() {
        app.as("UNULSLASH").run("/capstan demo echo \"C:\\\\users\"");
        assertThat(app.as(ADMIN).run("/capstan audit --user UNULSLASH").text()).contains("C:\\\\\\\\users");
    }

    @Test
    void auditSaysWhatAUserOrCommandFilterTakesInsteadOfFailing() {
        assertThat(app.as(ADMIN).run("/capstan audit --user \0").text())
                .isEqualTo("`--user` takes a Slack user: mention them (`@name`) or give their id (U… or W…), not `\\u0000`.");
        assertThat(app.as(ADMIN).run("/capstan audit --user U" + "1".repeat(40)).text()).contains("`--user` takes a Slack user");
        assertThat(app.as(ADMIN).run("/capstan audit --command \"demo\0echo\"").text())
                .contains("`--command` takes a command or family name").contains("`demo\\u0000echo` is not one");
        assertThat(app.as(ADMIN).run("/capstan audit --command " + "x".repeat(201)).text()).contains("at most 200 characters");
        assertThat(app.as(ADMIN).run("/capstan audit --command \"demo echo\" --user UNULFAST1").text()).doesNotContain("takes");
    }
}
