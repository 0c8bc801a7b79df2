package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.capstan.command.SlackChannelId;
import dev.capstan.command.SlackUserId;
import dev.capstan.http.HttpUrl;
import dev.capstan.jobs.Cron;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Settings written as Slack ids, URLs, durations, crons and zones are checked when read, each refusal naming its key's path. */
class SettingValueTypesTest {
    /** A test-only settings record with one of each value type. */
    record Environment(List<SlackUserId> approvers, SlackChannelId channel, HttpUrl url, Duration timeout, Cron cron, ZoneId zone) { }

    /** Environments by name, as a family's settings nest them. */
    record Settings(Map<String, Environment> environments) { }

    private final List<String> problems = new ArrayList<>();

    private Optional<Settings> bind(String yaml) throws Exception {
        JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        return new SettingsBinder().bind("families.deploy", node, Settings.class, problems);
    }

    @Test
    void wellFormedValuesAreBoundToTheirTypes() throws Exception {
        Settings settings = bind("""
                environments:
                  prod:
                    approvers: [U0ALICE01, W0BOB0000001234567890123456789X]
                    channel: C0DEPLOYS
                    url: https://jenkins.example.com/ci/
                    timeout: 20m
                    cron: "0 0 16 * * FRI"
                    zone: Europe/Stockholm
                """).orElseThrow();

        Environment prod = settings.environments().get("prod");
        assertThat(problems).isEmpty();
        assertThat(prod.approvers()).extracting(SlackUserId::id).containsExactly("U0ALICE01", "W0BOB0000001234567890123456789X");
        assertThat(prod.url().host()).isEqualTo("jenkins.example.com");
        assertThat(prod.timeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(prod.zone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
    }

    @Test
    void aUserIdThatIsNotOneIsRefusedWithItsPathAndIndex() throws Exception {
        assertThat(bind("environments: { prod: { approvers: [U0ALICE01, bob] } }")).isEmpty();

        assertThat(problems).containsExactly("families.deploy.environments.prod.approvers[1]: `bob` is not a Slack user id (U… or W…)");
    }

    @Test
    void aChannelAUrlAZoneAndACronThatAreWrongAreEachRefusedWithTheirPath() throws Exception {
        bind("environments: { prod: { channel: general } }");
        bind("environments: { prod: { url: jenkins.example.com } }");
        bind("environments: { prod: { zone: Mars/Olympus } }");
        bind("environments: { prod: { cron: every friday } }");

        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).isEqualTo("families.deploy.environments.prod.channel: `general` is not a Slack channel id (C…)");
        assertThat(problems.get(1)).isEqualTo("families.deploy.environments.prod.url: `jenkins.example.com` is not an http(s) URL like https://example.com");
        assertThat(problems.get(2)).isEqualTo("families.deploy.environments.prod.zone: `Mars/Olympus` is not an IANA time zone like Europe/Stockholm");
        assertThat(problems.get(3)).startsWith("families.deploy.environments.prod.cron: `every friday` is not a cron expression with seconds");
    }
}
