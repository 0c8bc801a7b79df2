package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capstan.features.commands.DeclaredCommands;
import dev.capstan.features.directory.Directory;
import dev.capstan.features.timereport.TimeReport;
import dev.capstan.jobs.JobSettings;
import dev.capstan.support.FakeJenkins;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupProblemsTest {
    @Test
    void badFamilySettingsStopStartUpWithOneMessageListingEachProblem() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(TestDatabases.Kind.H2)
                .feature(new Directory()).feature(new TimeReport())
                .yaml("""
                        families:
                          timereport:
                            hours_per_day: 30
                          directory:
                            featured_channel:
                              channel: CFEATURED
                              day: someday
                        """)
                .start());
        assertThat(invalid.problems()).hasSize(2);
        assertThat(invalid.getMessage()).contains("families.timereport.hours_per_day").contains("families.directory.featured_channel");
    }

    @Test
    void theDirectorysFeaturedChannelAndDriveAddressOfTheWrongKindAreNamedWithTheirPaths() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(TestDatabases.Kind.H2)
                .feature(new Directory())
                .yaml("""
                        families:
                          directory:
                            featured_channel:
                              channel: "#random"
                        """)
                .start());
        assertThat(invalid.problems()).containsExactly(
                "families.directory.featured_channel.channel: `#random` is not a Slack channel id (C…)");

        Config.Invalid drive = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(TestDatabases.Kind.H2)
                .feature(new Directory())
                .yaml("""
                        families:
                          directory:
                            drive:
                              api_url: www.googleapis.com
                        """)
                .start());
        assertThat(drive.problems()).containsExactly(
                "families.directory.drive.api_url: `www.googleapis.com` is not an http(s) URL like https://example.com");
    }

    @Test
    void theEnvironmentTheFileAndEveryFamilysSettingsAreReportedInOneRound() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(TestDatabases.Kind.H2)
                .env("CAPSTAN_ADMINS", "not-a-user")
                .feature(new Directory()).feature(new TimeReport())
                .yaml("""
                        families:
                          timereprot:
                            country: SE
                          directory:
                            drive:
                              rol: writer
                          timereport:
                            reminder: {working_days: many}
                        """)
                .start());
        assertThat(invalid.problems()).containsExactlyInAnyOrder(
                "CAPSTAN_ADMINS: 'not-a-user' is not a Slack user id (U… or W…)",
                "families.directory.drive: unknown key `rol`. Did you mean `role`?",
                "families.timereport.reminder.working_days: expected a whole number",
                "families.timereprot: no family of this build is called `timereprot`. Did you mean `timereport`?");
    }

    @Test
    void aBadCronInAFamilysSettingsIsAProblemWithItsPathNotACrash() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(TestDatabases.Kind.H2)
                .feature(new Directory())
                .yaml("""
                        families:
                          directory:
                            drive:
                              sync_cron: "every hour"
                        """)
                .start());
        assertThat(invalid.problems()).singleElement().asString()
                .startsWith("families.directory.drive.sync_cron: `every hour` is not a cron expression with seconds");
    }

    @Test
    void aliasesAndAccessRulesThatNameNothingStopStartUpWithWhatWasMeant() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(TestDatabases.Kind.H2)
                .feature(new TimeReport())
                .yaml("""
                        aliases:
                          ops: capstn
                          tr: timereport
                        access:
                          - command: timereport exprot
                            allow_users: [U0PAYROLL]
                          - command: timereport lock
                            role: admin
                          - command: "*"
                            deny_users: [U0BANNED1]
                        """)
                .start());
        assertThat(invalid.problems()).hasSize(2);
        assertThat(invalid.problems().get(0)).isEqualTo(
                "aliases: `ops` points at `capstn`, which is neither `capstan` (the main entry) nor a family. Did you mean `capstan`?");
        assertThat(invalid.problems().get(1)).startsWith(
                "access: the rule for `timereport exprot` names no command of this build. Did you mean `timereport export`");
    }

    @Test
    void theBuiltInCimonAliasIsLeftOutWhenThereIsNoDeployFamily() {
        try (TestApp app = TestApp.on(TestDatabases.Kind.H2).feature(new TimeReport()).start()) {
            assertThat(app.capstan().commands().aliases()).containsEntry("rocket", "capstan").doesNotContainKey("cimon");
            assertThat(app.as("UALICE01").run("/cimon help").text()).contains("timereport");
        }
    }

    @Test
    void theReadmesConfigurationExampleStartsThisBuild() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        int start = readme.indexOf("# CAPSTAN_CONFIG\n");
        String example = readme.substring(start, readme.indexOf("```", start));
        TestApp.Builder thisBuild = TestApp.on(TestDatabases.Kind.H2).yaml(example);
        Main.features().forEach(thisBuild::feature);
        try (TestApp app = thisBuild.start()) {
            assertThat(app.capstan().commands().aliases()).containsKeys("ops", "tr");
            assertThat(app.as("UALICE01").run("/tr help").text()).contains("add");
        }
    }

    @Test
    void declaredCommandsAskingJenkinsForAParameterItLacksAreAConfigurationRefusalWhichExitsWithTwo(@TempDir Path folder) throws Exception {
        Path config = folder.resolve("capstan.yaml");
        Files.writeString(config, """
                commands:
                  - name: restart
                    description: Restart a service
                    args: [ { name: service, type: string } ]
                    action:
                      jenkins: { job: ops/restart, parameters: { SERVIC: "{{service}}" } }
                """);
        try (FakeJenkins jenkins = new FakeJenkins().job("ops/restart", "SERVICE"); FakeSlack slack = new FakeSlack()) {
            Map<String, String> env = Map.of("DATABASE_URL", TestDatabases.freshUrl(TestDatabases.Kind.H2), "PORT", "0",
                    "SLACK_SIGNING_SECRET", TestApp.SIGNING_SECRET, "SLACK_BOT_TOKEN", "xoxb-test-token", "SLACK_API_URL", slack.apiUrl(),
                    "CAPSTAN_CONFIG", config.toString(), "JENKINS_URL", jenkins.url(), "JENKINS_USER", "capstan", "JENKINS_API_TOKEN", "t");

            Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class,
                    () -> Launcher.start(env, List.of(new DeclaredCommands()), Clock.systemUTC(), JobSettings.defaults()));

            assertThat(invalid).as("Main exits with 2 on Config.Invalid, as for every other configuration refusal").isNotNull();
            assertThat(invalid.problems()).singleElement().asString().startsWith("commands: Jenkins lacks what a declared command asks: ")
                    .contains("the job `ops/restart` defines no parameter SERVIC (Jenkins would drop it silently); it has SERVICE");
        }
    }
}
