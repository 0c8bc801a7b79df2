package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capstan.command.Role;
import dev.capstan.jobs.JobSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @Test
    void anEmptyEnvironmentStartsOnTheEmbeddedDatabaseWithoutSlack() {
        Config config = Config.fromEnvironment(Map.of());
        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.slackConnected()).isFalse();
        assertThat(config.database().isH2()).isTrue();
        assertThat(config.slackApiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(config.aliases()).containsEntry("rocket", "capstan").doesNotContainKey("cimon");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> Config.fromEnvironment(Map.of(
                "PORT", "eighty",
                "SLACK_BOT_TOKEN", "xoxp-user-token",
                "CAPSTAN_ADMINS", "UOK123,bob",
                "DATABASE_URL", "mysql://nope",
                "CAPSTAN_CONFIG", "/definitely/not/here.yaml")));
        assertThat(invalid.problems()).hasSize(6);
        assertThat(invalid.getMessage()).contains("PORT must be a number").contains("xoxb-").contains("'bob'")
                .contains("DATABASE_URL").contains("CAPSTAN_CONFIG").contains("SLACK_SIGNING_SECRET is required");
    }

    @Test
    void theYamlFileGivesAliasesRulesAndFamilySettings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("capstan.yaml");
        Files.writeString(file, """
                aliases:
                  ops: capstan
                access:
                  - command: timereport export
                    role: team_lead
                    allow_users: [U111]
                families:
                  timereport:
                    country: "NO"
                """);
        Config config = Config.fromEnvironment(Map.of("CAPSTAN_CONFIG", file.toString(), "CAPSTAN_ADMINS", "U1ADMIN W22222222222"));
        assertThat(config.aliases()).containsEntry("ops", "capstan");
        assertThat(config.accessRules()).singleElement().satisfies(rule -> {
            assertThat(rule.role()).isEqualTo(Role.TEAM_LEAD);
            assertThat(rule.allowUsers()).containsExactly("U111");
        });
        assertThat(config.family("timereport").path("country").asText()).isEqualTo("NO");
        assertThat(config.admins()).containsExactlyInAnyOrder("U1ADMIN", "W22222222222");
    }

    @Test
    void aBadYamlFileAndABadRoleAreReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "access:\n  - command: audit\n    role: boss\n");
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class,
                () -> Config.fromEnvironment(Map.of("CAPSTAN_CONFIG", file.toString())));
        assertThat(invalid.getMessage()).contains("role 'boss' is not one of member, team_lead, admin");
        Files.writeString(file, "access: [unclosed");
        assertThat(catchThrowableOfType(Config.Invalid.class, () -> Config.fromEnvironment(Map.of("CAPSTAN_CONFIG", file.toString())))
                .getMessage()).contains("is not valid");
    }

    @Test
    void retentionHasDefaultsAndTakesDurationsButNeverLessThanTheRetryWindows(@TempDir Path dir) throws Exception {
        assertThat(Config.fromEnvironment(Map.of()).retention()).isEqualTo(RetentionSettings.defaults());
        assertThat(RetentionSettings.defaults().audit()).isEqualTo(java.time.Duration.ofDays(365));
        Path file = dir.resolve("retention.yaml");
        Files.writeString(file, "retention:\n  audit: 730d\n  deliveries: 14d\n");
        Config config = Config.fromEnvironment(Map.of("CAPSTAN_CONFIG", file.toString()));
        assertThat(config.retention().audit()).isEqualTo(java.time.Duration.ofDays(730));
        assertThat(config.retention().deliveries()).isEqualTo(java.time.Duration.ofDays(14));
        assertThat(config.retention().jobKeys()).isEqualTo(java.time.Duration.ofDays(30));
        Files.writeString(file, "retention:\n  deliveries: 1h\n  job_keys: soon\n  schedule: hourly\n");
        assertThat(catchThrowableOfType(Config.Invalid.class, () -> Config.fromEnvironment(Map.of("CAPSTAN_CONFIG", file.toString())))
                .problems()).containsExactlyInAnyOrder("retention.deliveries must be at least 3d, not 1h",
                "retention.job_keys: `soon` is not a duration; write it like 90s, 20m or 64h",
                "retention.schedule: `hourly` is not a cron expression with seconds (six fields: second minute hour "
                        + "day-of-month month day-of-week, e.g. \"0 0 9 * * MON-FRI\")");
        Files.writeString(file, "retention:\n  events: 30d\n");
        assertThat(catchThrowableOfType(Config.Invalid.class, () -> Config.fromEnvironment(Map.of("CAPSTAN_CONFIG", file.toString())))
                .getMessage()).contains("events");
    }

    @Test
    void theJobHeartbeatKeepsTheGivenSettingsUnlessTheFileSetsOneOfAtLeastASecond(@TempDir Path dir) throws Exception {
        JobSettings given = JobSettings.defaults();
        assertThat(Config.fromEnvironment(Map.of()).jobSettings(given)).isEqualTo(given);
        Path file = dir.resolve("jobs.yaml");
        Files.writeString(file, "jobs:\n  heartbeat: 2s\n");
        JobSettings set = Config.fromEnvironment(Map.of("CAPSTAN_CONFIG", file.toString())).jobSettings(given);
        assertThat(set.heartbeatInterval()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(set.missedHeartbeats()).isEqualTo(given.missedHeartbeats());
        assertThat(set.threads()).isEqualTo(given.threads());
        Files.writeString(file, "jobs:\n  heartbeat: 500ms\n");
        assertThat(catchThrowableOfType(Config.Invalid.class, () -> Config.fromEnvironment(Map.of("CAPSTAN_CONFIG", file.toString())))
                .problems()).singleElement().asString().startsWith("jobs.heartbeat");
        Files.writeString(file, "jobs:\n  heartbeat: 0s\n");
        assertThat(catchThrowableOfType(Config.Invalid.class, () -> Config.fromEnvironment(Map.of("CAPSTAN_CONFIG", file.toString())))
                .problems()).containsExactly("jobs.heartbeat must be at least 1s, not 0s");
    }

    @Test
    void theDisplayedConfigurationHidesSecrets() {
        Config config = Config.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s3cr3t-value", "SLACK_BOT_TOKEN", "xoxb-123-secret",
                "DATABASE_URL", "postgres://capstan:hunter2@db:5432/capstan"));
        assertThat(config.toString()).doesNotContain("s3cr3t").doesNotContain("xoxb-123").doesNotContain("hunter2");
    }
}
