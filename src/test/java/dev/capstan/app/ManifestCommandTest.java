package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.capstan.command.Commands;
import dev.capstan.command.Family;
import dev.capstan.jobs.JobSettings;
import dev.capstan.support.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code java -jar capstan.jar manifest …} with the families this build really ships. Isolated: one test starts a
 * second JVM, which needs both cores; beside another class it missed its 60 s on a loaded machine.
 */
@Isolated
class ManifestCommandTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What one run printed and returned. */
    private record Run(int exitCode, String out, String err) { }

    private static Run manifest(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ManifestCommand.run(List.of(args), Map.of(), Main.features(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Capstan registryOfThisBuild() {
        Map<String, String> env = Map.of("DATABASE_URL", TestDatabases.freshUrl(TestDatabases.Kind.H2));
        return new Capstan(Config.fromEnvironment(env), env, Main.features(), Clock.systemUTC(), JobSettings.defaults());
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> texts = new ArrayList<>();
        list.forEach(node -> texts.add(field == null ? node.asText() : node.path(field).asText()));
        return texts;
    }

    @Test
    void theManifestOfThisBuildListsExactlyItsSlashCommandsScopesAndEvents() throws Exception {
        Run run = manifest("--url", "https://capstan.example.org");
        assertThat(run.exitCode()).isZero();
        JsonNode manifest = YAML.readTree(run.out());
        try (Capstan capstan = registryOfThisBuild()) {
            Commands registry = capstan.commands();
            Set<String> expectedCommands = new TreeSet<>(Set.of(SlackManifest.MAIN_COMMAND));
            registry.families().stream().filter(Family::hasOwnSlashCommand).forEach(f -> expectedCommands.add("/" + f.name()));
            assertThat(registry.aliases()).as("the built-in alias of the main entry").containsKey("rocket");
            registry.aliases().keySet().forEach(alias -> expectedCommands.add("/" + alias));
            Set<String> expectedScopes = new TreeSet<>(SlackManifest.PLATFORM_SCOPES);
            expectedScopes.addAll(registry.scopes());
            capstan.events().types().forEach(type -> expectedScopes.addAll(SlackManifest.EVENT_SCOPES.getOrDefault(type, List.of())));

            assertThat(registry.scopes()).as("the families declare scopes").isNotEmpty();
            assertThat(texts(manifest.path("features").path("slash_commands"), "command")).containsExactlyInAnyOrderElementsOf(expectedCommands);
            assertThat(texts(manifest.path("oauth_config").path("scopes").path("bot"), null)).containsExactlyInAnyOrderElementsOf(expectedScopes);
            assertThat(texts(manifest.path("settings").path("event_subscriptions").path("bot_events"), null))
                    .containsExactlyInAnyOrderElementsOf(capstan.events().types());
        }
    }

    @Test
    void theManifestEnablesTheHomeTabAndSubscribesToItsOpening() throws Exception {
        JsonNode manifest = YAML.readTree(manifest("--url", "https://capstan.example.org").out());

        assertThat(manifest.path("features").path("app_home").path("home_tab_enabled").asBoolean()).isTrue();
        assertThat(texts(manifest.path("settings").path("event_subscriptions").path("bot_events"), null)).contains("app_home_opened");
    }

    @Test
    void withAUrlEveryRequestUrlPointsAtIt() throws Exception {
        JsonNode manifest = YAML.readTree(manifest("--url", "https://capstan.example.org/").out());
        assertThat(manifest.path("settings").path("interactivity").path("request_url").asText())
                .isEqualTo("https://capstan.example.org/slack/interactive");
        assertThat(texts(manifest.path("features").path("slash_commands"), "url")).containsOnly("https://capstan.example.org/slack/commands");
    }

    @Test
    void theSocketModeVariantNeedsNoUrlAndHasNone() throws Exception {
        Run run = manifest("--socket-mode");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).startsWith("Capstan reads these variables").contains("SLACK_APP_TOKEN *")
                .contains("GOOGLE_SERVICE_ACCOUNT_JSON *  (directory)");
        JsonNode manifest = YAML.readTree(run.out());
        assertThat(manifest.path("settings").path("socket_mode_enabled").asBoolean()).isTrue();
        assertThat(run.out()).doesNotContain("request_url").doesNotContain("url:");
    }

    @Test
    void aMissingUrlIsAUsageErrorWithNothingOnStdout() {
        Run run = manifest();
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--url").contains(ManifestCommand.USAGE);
        assertThat(manifest("--url").exitCode()).isNotZero();
    }

    @Test
    void anInvalidUrlIsAUsageErrorThatNamesIt() {
        for (String bad : List.of("http://capstan.example.org", "capstan.example.org", "https://", "https://x/?a=b")) {
            Run run = manifest("--url", bad);
            assertThat(run.exitCode()).as(bad).isNotZero();
            assertThat(run.out()).as(bad).isEmpty();
            assertThat(run.err()).as(bad).contains(bad).contains(ManifestCommand.USAGE);
        }
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Run run = manifest("--url", "https://x.example", "--yaml");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("Unknown option --yaml").contains(ManifestCommand.USAGE);
    }

    @Test
    void redirectedToAFileTheManifestContainsNoLogLines(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        File yaml = dir.resolve("app.yaml").toFile();
        Path chattyLogging = dir.resolve("logback.xml");
        Files.writeString(chattyLogging, """
                <configuration>
                  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d %-5level %logger - %msg%n</pattern></encoder>
                  </appender>
                  <root level="DEBUG"><appender-ref ref="STDOUT"/></root>
                </configuration>
                """);
        Process process = new ProcessBuilder(java, "-Dlogback.configurationFile=" + chattyLogging, "-cp", classPath,
                Main.class.getName(), "manifest", "--url", "https://x.example")
                .redirectOutput(yaml).redirectError(dir.resolve("err.txt").toFile()).directory(dir.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        String written = Files.readString(yaml.toPath());
        assertThat(Files.readString(dir.resolve("err.txt"))).as("the logs went somewhere").contains(" DEBUG ");
        assertThat(written).startsWith("display_information:").doesNotContain(" DEBUG ").doesNotContain(" INFO ");
        assertThat(YAML.readTree(written).path("features").path("slash_commands").isArray()).isTrue();
    }
}
