package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.app.Launcher;
import dev.capstan.app.Main;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer meets in the playground's first minutes: help pages, pasted text, an export, a flush, a broken file. */
class FirstMinutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMMANDS = """
            families:
              commands: { watch_every: 100ms }
            commands:
              - name: whois
                description: Look someone up
                args:
                  - { name: login, type: string }
                action:
                  http: { method: GET, url: "{{env.PLAYGROUND_TARGET_URL}}/users/{{login}}", allow_hosts: [127.0.0.1] }
            """;
    @TempDir
    static Path folder;
    private static Path file;
    private static Launcher.Running running;

    @BeforeAll
    static void start() throws Exception {
        file = folder.resolve("capstan.yaml");
        Files.writeString(file, COMMANDS);
        running = Launcher.start(Map.of("PORT", "0", "DATABASE_URL", TestDatabases.freshUrl(TestDatabases.Kind.H2),
                "CAPSTAN_CONFIG", file.toString()), Main.features(), Clock.systemUTC(), TestApp.FAST_JOBS);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static PlaygroundVisitor as(String user, String channel) {
        return new PlaygroundVisitor(running.playgroundUrl(), user, channel);
    }

    private static List<String> texts(JsonNode messages) {
        return messages.findValuesAsText("text");
    }

    private static String replyTo(PlaygroundVisitor visitor, String typed, String expected) {
        visitor.type(typed);
        JsonNode state = visitor.awaitState(expected, s -> texts(s.path("messages")).stream().anyMatch(t -> t.contains(expected)));
        return texts(state.path("messages")).stream().filter(t -> t.contains(expected)).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void helpDirectoryListsTheUserTeamKarmaAndExportCommands() {
        String help = replyTo(as("ULEAD0001", "CGENERAL"), "/capstan help directory", "/capstan user");
        assertThat(help).contains("• `/capstan user view", "• `/capstan team list", "• `/capstan karma view", "• `/capstan export emails")
                .doesNotContain("I don't know");
        assertThat(replyTo(as("UMEMBER02", "CGENERAL"), "/capstan directory", "/capstan team")).contains("• `/capstan karma give")
                .doesNotContain("export emails");
    }

    @Test
    void deployHelpShowsEachCommandOnceWithPicocliDotsOnly() {
        String help = replyTo(as("ULEAD0001", "CDEV"), "/deploy help", "/deploy freeze");
        assertThat(help).contains("`/deploy set [SETTING VALUE...]`").doesNotContain("…...").doesNotContain("— `freeze list");
    }

    @Test
    void anOverLongPastedWordIsCutInsideItsCodeSpan() {
        String token = "x".repeat(6000);
        PlaygroundVisitor max = as("UMEMBER02", "CGENERAL");
        String reply = replyTo(max, "/capstan " + token, "I don't know");
        assertThat(reply).contains("`" + "x".repeat(60) + "…(cut)`").hasSizeLessThan(400);
        String inFamily = replyTo(max, "/timereport list " + token, "xxxxxxxxxx…");
        assertThat(inFamily).hasSizeLessThan(600).doesNotContain("x".repeat(200));
    }

    @Test
    void theExportedCsvIsPreviewedOneRecordPerLine() {
        PlaygroundVisitor mia = as("UMEMBER01", "COPS");
        mia.type("/timereport add vab 2020-05-18");
        JsonNode question = mia.awaitState("the question", s -> texts(s.path("messages")).stream()
                .anyMatch(t -> t.contains("2020-05-18") && !t.startsWith("/"))).path("messages").findParents("blocks").stream()
                .filter(m -> m.path("text").asText().contains("2020-05-18")).findFirst().orElseThrow();
        mia.click(question, "Confirm");
        // The shared file names itself "(`file`)"; the command's own reply names it too ("as `file`."), and may come first or last.
        String shared = replyTo(mia, "/timereport export 2020-05", "(`timereport-2020-05-UMEMBER01.csv`)");
        assertThat(shared).contains("```user_id,date,reason,hours\nUMEMBER01,2020-05-18,vab,8```").doesNotContain("\r");
    }

    @Test
    void theFakeCdnRefusesItsFailTargetsAloneSoTheResultIsPartial() {
        PlaygroundVisitor ada = as("UADMIN001", "CGENERAL");
        ada.type("/flush");
        ada.awaitState("the form", s -> s.path("modal").path("view").path("callback_id").asText().equals("flush.form"));
        ObjectNode values = JSON.createObjectNode();
        for (String[] choice : new String[][] {{"site", "playground"}, {"kind", "url"}, {"mode", "invalidate"}}) {
            values.putObject(choice[0]).putObject(choice[0]).put("type", "static_select").putObject("selected_option").put("value", choice[1]);
        }
        values.putObject("targets").putObject("targets").put("type", "plain_text_input")
                .put("value", "https://example.com/pricing\nhttps://example.com/fail-here");
        ada.submitModal(values);
        JsonNode state = ada.awaitState("the partial result", s -> s.path("dms").toString().contains("Cache partly purged"));
        assertThat(state.path("dms").toString()).contains("1 of 2 URLs failed", "https://example.com/fail-here");
    }

    @Test
    void aRefusedChangeOfTheCommandsFileReachesTheAdminsWithFileLineAndReason() throws Exception {
        Files.writeString(file, COMMANDS.replace("type: string", "type: strnig"));
        PlaygroundVisitor ada = as("UADMIN001", "CGENERAL");
        JsonNode state = ada.awaitState("the notice", s -> texts(s.path("dms")).stream().anyMatch(t -> t.contains("refused the new version")));
        String notice = texts(state.path("dms")).stream().filter(t -> t.contains("refused the new version")).findFirst().orElseThrow();
        assertThat(notice).contains(file.toString()).containsPattern("capstan\\.yaml:\\d+").contains("strnig");
        assertThat(state.path("calls").findValuesAsText("method")).contains("chat.postMessage");
        assertThat(texts(as("UMEMBER01", "CGENERAL").state().path("dms"))).noneMatch(t -> t.contains("refused the new version"));
    }
}
