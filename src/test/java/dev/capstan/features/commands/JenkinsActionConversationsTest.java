package dev.capstan.features.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.support.Await;
import dev.capstan.support.FakeJenkins;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlackUser;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** The restart command against a local Jenkins: queue item, build, result, policy, confirmation, crumb, restart. */
@OnEveryDatabase
class JenkinsActionConversationsTest {
    @Parameter
    TestDatabases.Kind database;
    private Declared declared;

    @BeforeEach
    void start() {
        declared = new Declared(database);
    }

    @AfterEach
    void stop() {
        declared.close();
    }

    private SlackUser lead() {
        return declared.app.as(Declared.LEAD).in(Declared.OPS).freshTriggers();
    }

    @Test
    void restartGoesFromQueuedToRunningToTheResultInOneMessage() {
        SlashReply ack = lead().run("/capstan restart api");

        assertThat(ack.text()).isEqualTo("Restarting *api* in *staging*…");
        Declared.awaitMessage(declared.app.slack(), "queued in Jenkins");
        String build = declared.jenkins.url() + "job/ops/job/restart/1/";
        Declared.awaitMessage(declared.app.slack(), "running <" + build + "|#1>");
        String result = Declared.awaitMessage(declared.app.slack(), "SUCCESS in 1m 1s: <" + build + "|build #1>");
        assertThat(result).contains(":white_check_mark: done in");
        FakeJenkins.Trigger trigger = declared.jenkins.triggers().get(0);
        assertThat(trigger.parameters()).containsEntry("SERVICE", "api").containsEntry("ENV", "staging").containsEntry("REASON", "");
        assertThat(trigger.headers().get("authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString(("capstan:" + Declared.JENKINS_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(declared.app.slack().calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void productionNeedsAReasonAndAConfirmation() {
        SlashReply noReason = lead().run("/capstan restart api production");
        assertThat(noReason.text()).contains("--reason is required when env == 'production'", "Usage:");

        SlashReply question = lead().run("/capstan restart api production --reason \"hotfix 12\"");
        assertThat(question.text()).contains("It asks for confirmation when env == 'production'");
        assertThat(declared.jenkins.triggers()).isEmpty();

        SlashReply confirmed = declared.app.as(Declared.LEAD).in(Declared.OPS).click(question.button("Confirm"));
        assertThat(declared.app.slack().awaitPosts(confirmed.responseUrl(), 1).get(0).text()).contains("Restarting *api* in *production*");
        Await.until(declared.jenkins::triggers, list -> !list.isEmpty(), Duration.ofSeconds(10), "the build");
        assertThat(declared.jenkins.triggers().get(0).parameters()).containsEntry("REASON", "hotfix 12");
    }

    @Test
    void thePolicyNamesWhatIsMissing() {
        assertThat(declared.app.as(Declared.MEMBER).in(Declared.OPS).run("/capstan restart api").text())
                .contains("`restart` needs role team_lead or to be one of <@U0OPSLEAD1>, and you are member");
        assertThat(declared.app.as(Declared.LEAD).in("CGENERAL").run("/capstan restart api").text())
                .contains("`restart` runs only in <#C0OPS00001>");
        assertThat(declared.app.as(Declared.ADMIN).in(Declared.OPS).freshTriggers().run("/capstan restart web").text())
                .contains("Restarting *web*");
        assertThat(declared.app.as(Declared.MEMBER).in(Declared.OPS).run("/capstan help").text()).doesNotContain("restart");
        assertThat(lead().run("/capstan help").text()).contains("`/capstan restart` — Restart a service", "`/capstan whois`", "whoami");
    }

    @Test
    void oneRunPerConcurrencyKeyAtATime() {
        declared.jenkins.hold();
        lead().run("/capstan restart worker");
        Declared.awaitMessage(declared.app.slack(), "running <");

        assertThat(lead().run("/capstan restart worker").text()).contains("`restart` is already running for `restart:worker:staging`",
                "started by <@U0OPSLEAD1>");
        assertThat(lead().run("/capstan restart web").text()).contains("Restarting *web*");

        declared.jenkins.release();
        Declared.awaitMessage(declared.app.slack(), "build #1>");
        Await.until(() -> lead().run("/capstan restart worker --dry-run").text(), t -> t.contains("is free"), Duration.ofSeconds(10),
                "the key freed");
    }

    @Test
    void aRunThatIsBuildingWhenCapstanRestartsIsFollowedToItsResultByTheNextCapstan() {
        declared.jenkins.hold();
        lead().run("/capstan restart api");
        Declared.awaitMessage(declared.app.slack(), "running <");
        declared.app.capstan().close();

        declared.jenkins.endWith("FAILURE");
        declared.jenkins.release();
        TestApp again = declared.builder(TestApp.on(database).database(declared.app.databaseUrl())
                .slack(declared.app.slack()), Declared.YAML).start();
        try {
            assertThat(Declared.awaitMessage(declared.app.slack(), "FAILURE in 1m 1s")).contains(":x: FAILURE in");
            assertThat(declared.jenkins.triggers()).hasSize(1);
        } finally {
            again.close();
        }
    }

    @Test
    void withAPasswordTheTriggerCarriesACrumbAndItsSessionCookie() {
        declared.close();
        declared = new Declared(database, Declared.YAML,
                java.util.Map.of("JENKINS_API_TOKEN", "", "JENKINS_PASSWORD", "pass-word-99"));
        declared.jenkins.requireCrumb();
        lead().run("/capstan restart api");

        Await.until(declared.jenkins::triggers, list -> !list.isEmpty(), Duration.ofSeconds(10), "the build");
        assertThat(declared.jenkins.triggers().get(0).headers()).containsEntry("jenkins-crumb", "crumb-1");
    }

    @Test
    void aParameterTheJobDoesNotDefineStopsStartUp() {
        String yaml = Declared.YAML.replace("REASON: \"{{reason}}\"", "REASONS: \"{{reason}}\"");

        assertThatThrownBy(() -> new Declared(database, yaml)).isInstanceOf(dev.capstan.app.Config.Invalid.class)
                .hasMessageContaining("the job `ops/restart` defines no parameter REASONS (Jenkins would drop it silently)");
    }
}
