package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.app.Launcher;
import dev.capstan.app.Main;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A playground commands file may name people by e-mail address, in the file it starts with as in a changed one: the
 * playground's pretend Slack (listening before the file is loaded) answers users.lookupByEmail with the address each
 * person has there, the same one the directory keeps.
 */
class PlaygroundEmailUsersTest {
    private static final String COMMANDS = """
            families:
              commands: { watch_every: 100ms }
            commands:
              - name: whois
                description: Look someone up
                args:
                  - { name: login, type: string }
                policy:
                  users: [%s]
                action:
                  http: { method: GET, url: "{{env.PLAYGROUND_TARGET_URL}}/users/{{login}}", allow_hosts: [127.0.0.1] }
            """;
    /** The command ran: its message says it is running, or was already edited to its outcome. */
    private static final Pattern RAN_WHOIS = Pattern.compile("(?s).*(Running `whois`|Done: the server answered 200).*");

    @TempDir
    static Path folder;
    private static Path file;
    private static Launcher.Running running;

    @BeforeAll
    static void start() throws Exception {
        file = folder.resolve("capstan.yaml");
        Files.writeString(file, COMMANDS.formatted("Max.Member@acme.example"));
        running = Launcher.start(Map.of("PORT", "0", "DATABASE_URL", TestDatabases.freshUrl(TestDatabases.Kind.H2),
                "CAPSTAN_CONFIG", file.toString()), Main.features(), Clock.systemUTC(), TestApp.FAST_JOBS);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    /** Capstan's messages in the state, each whole (its text, blocks and how the page draws them). */
    private static List<String> botTexts(JsonNode state) {
        return StreamSupport.stream(state.path("messages").spliterator(), false)
                .filter(m -> m.path("author").asText().equals(Workspace.BOT_ID)).map(JsonNode::toString).toList();
    }

    /** What Capstan answers {@code user} to {@code typed} in {@code channel}: its newest message there after typing. */
    private static String answer(String user, String channel, String typed) {
        PlaygroundVisitor visitor = new PlaygroundVisitor(running.playgroundUrl(), user, channel);
        int before = botTexts(visitor.state()).size();
        visitor.type(typed);
        List<String> after = botTexts(visitor.awaitState("the answer to " + typed, s -> botTexts(s).size() > before));
        return after.get(after.size() - 1);
    }

    @Test
    void theAddressInTheFileAtStartIsMaxsAndAfterAChangeMiasSoEachMayRunTheCommandInTurn() throws Exception {
        assertThat(answer("UMEMBER02", "CDEV", "/capstan whois ada")).matches(RAN_WHOIS);
        assertThat(answer("UMEMBER01", "CGENERAL", "/capstan whois ada")).doesNotMatch(RAN_WHOIS).isNotBlank();

        Files.writeString(file, COMMANDS.formatted("Mia.Member@acme.example"));
        PlaygroundVisitor ada = new PlaygroundVisitor(running.playgroundUrl(), "UADMIN001", "CGENERAL");
        JsonNode asked = ada.awaitState("the address looked up", s -> s.path("calls").toString().contains("mia.member@acme.example"));
        assertThat(asked.path("calls").toString()).contains("users.lookupByEmail");
        assertThat(ada.state().path("dms").toString()).doesNotContain("refused the new version");

        ada.awaitState("the new file in service", s -> RAN_WHOIS.matcher(answer("UMEMBER01", "COPS", "/capstan whois ada")).matches());
        assertThat(answer("UMEMBER02", "CDEV", "/capstan whois ada")).doesNotMatch(RAN_WHOIS).isNotBlank();
    }

    @Test
    void everyoneHasOneAddressInSlackAndInTheDirectory() {
        assertThat(answer("UMEMBER02", "CRANDOM", "/capstan user view")).contains("max.member@acme.example");
    }
}
