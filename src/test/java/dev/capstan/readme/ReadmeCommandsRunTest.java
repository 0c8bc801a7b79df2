package dev.capstan.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.app.Launcher;
import dev.capstan.app.Main;
import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditQuery;
import dev.capstan.platform.Feature;
import dev.capstan.store.AuditStore;
import dev.capstan.support.Await;
import dev.capstan.support.FakeJenkins;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every slash command README.md shows as something to type runs, in the README's order, in the playground a newcomer
 * starts (or, for a command a README YAML block declares, in Capstan started with that block): none ends as an
 * unknown command, a usage error, invalid input, an internal error or a refusal, except those listed here as turned
 * down on purpose.
 */
class ReadmeCommandsRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Examples the README shows to be turned down (refused by a rule, or invalid input), and why. */
    private static final Map<String, String> TURNED_DOWN_ON_PURPOSE = Map.of(
            "/capstan @someone ++", "a pattern: Slack sends a picked @someone as <@U…>, which the text typed here is not");
    /** Examples of a command one of the README's YAML blocks declares: the heading of its section, who types it, where. */
    private static final Map<String, List<String>> IN_THEIR_SECTION = Map.of(
            "/capstan deploy-client --client acme --branch main", List.of("From the one-function bot to a declaration", "U0ALICE001", "C0DEPLOY01"));
    private static final String ADA = "UADMIN001";
    private static final String CHANNEL = "CDEV";
    private static Launcher.Running playground;
    @TempDir
    static Path folder;

    @BeforeAll
    static void start() {
        playground = Launcher.start(Map.of("PORT", "0", "DATABASE_URL", TestDatabases.freshUrl(TestDatabases.Kind.H2)),
                Main.features(), Clock.systemUTC(), TestApp.FAST_JOBS);
    }

    @AfterAll
    static void stop() {
        playground.close();
    }

    @Test
    void theReadmeShowsCommandsToType() {
        assertThat(Readme.commandExamples()).contains("/capstan whoami", "/deploy setup acme/web", "/capstan whois ada --dry-run")
                .containsAll(TURNED_DOWN_ON_PURPOSE.keySet()).containsAll(IN_THEIR_SECTION.keySet());
    }

    @Test
    void everyCommandExampleRunsInThePlayground() throws Exception {
        Jdbi jdbi = playground.capstan().database().jdbi();
        List<String> wrong = new java.util.ArrayList<>();
        for (String example : Readme.commandExamples()) {
            if (IN_THEIR_SECTION.containsKey(example)) continue;
            long before = newestId(jdbi);
            type(example);
            String outcome = outcome(jdbi, ADA, example, before).outcome();
            boolean turnedDown = outcome.startsWith("refused") || outcome.startsWith("invalid: ") || outcome.equals("unknown command");
            if (TURNED_DOWN_ON_PURPOSE.containsKey(example) != turnedDown || !turnedDown && !outcome.equals("ok")) {
                wrong.add(example + " → " + outcome);
            }
        }
        assertThat(wrong).as("README examples that did not run as the README says").isEmpty();
    }

    @Test
    void aCommandOfAReadmeYamlBlockRunsInCapstanStartedWithThatBlock() throws Exception {
        try (FakeJenkins jenkins = new FakeJenkins().job("deploy", "CLIENT", "BRANCH")) {
            for (Map.Entry<String, List<String>> example : IN_THEIR_SECTION.entrySet()) {
                Readme.YamlBlock block = Readme.yamlBlocks().stream().filter(b -> b.heading().equals(example.getValue().get(0)))
                        .findFirst().orElseThrow();
                Path file = Files.createTempFile(folder, "section", ".yaml");
                Files.writeString(file, block.yaml());
                TestApp.Builder builder = TestApp.on(TestDatabases.Kind.H2).env("CAPSTAN_CONFIG", file.toString())
                        .env("JENKINS_URL", jenkins.url()).env("JENKINS_USER", "capstan").env("JENKINS_API_TOKEN", "jenkins-token");
                for (Feature feature : Main.features()) builder.feature(feature);
                try (TestApp app = builder.start()) {
                    String line = example.getKey();
                    app.as(example.getValue().get(1)).in(example.getValue().get(2)).run(line);
                    Jdbi jdbi = app.capstan().database().jdbi();
                    AuditEntry entry = outcome(jdbi, example.getValue().get(1), line, 0);
                    assertThat(entry.outcome()).as(line).isEqualTo("ok");
                    assertThat(Await.until(jenkins::triggers, t -> !t.isEmpty(), Duration.ofSeconds(10), "the Jenkins build").get(0).parameters())
                            .containsEntry("CLIENT", "acme").containsEntry("BRANCH", "main");
                }
            }
        }
    }

    /** Types the example on the playground's page as Ada in #dev. */
    private static void type(String example) throws Exception {
        String body = JSON.createObjectNode().put("user", ADA).put("channel", CHANNEL).put("text", example).toString();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(playground.playgroundUrl() + "playground/command"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(example).isEqualTo(200);
    }

    private static long newestId(Jdbi jdbi) {
        return new AuditStore(jdbi).latest(new AuditQuery(null, null, AuditEntry.Kind.COMMAND, 1)).stream()
                .mapToLong(AuditEntry::id).max().orElse(0);
    }

    /** The audit entry of the example once it has its final outcome (a slow command's job finished). */
    private static AuditEntry outcome(Jdbi jdbi, String userId, String example, long after) {
        return Await.until(() -> find(jdbi, userId, example, after), found -> found.isPresent() && !found.get().outcome().equals("queued")
                        || found.isPresent() && found.get().jobId() == null, Duration.ofSeconds(15), "the audit entry of " + example)
                .orElseThrow();
    }

    private static Optional<AuditEntry> find(Jdbi jdbi, String userId, String example, long after) {
        return new AuditStore(jdbi).latest(new AuditQuery(userId, null, AuditEntry.Kind.COMMAND, 20)).stream()
                .filter(e -> e.id() > after && e.rawText().replaceAll("\\s+", " ").equals(example)).findFirst();
    }
}
