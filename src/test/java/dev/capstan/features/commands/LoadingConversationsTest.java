package dev.capstan.features.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.support.Await;
import dev.capstan.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The declaration file at start and after a change: every problem with its line, and a bad new file refused. */
class LoadingConversationsTest {
    private static final String BAD = """
            commands:
              - name: deploy
                args:
                  - { name: env, type: enum, values: [staging, production], default: prod }
                action:
                  http: { url: "https://evil.example/hook/{{env}}", allow_hosts: [hooks.example] }
                reply: { result: "{{response.json.id}} by {{colour}}" }
              - name: deploy
                action:
                  http:
                    url: "{{env.DIRECTORY_URL}}/x"
                    headers: { Authorization: "Bearer ${secret:NOT_SET_ANYWHERE}" }
                    allow_hosts: [127.0.0.1]
              - name: whoami
                action: { http: { url: "{{env.DIRECTORY_URL}}/x", allow_hosts: [127.0.0.1] } }
            """;

    @Test
    void aBadFileStopsStartUpWithFileLineAndReasonForEveryProblem() {
        assertThatThrownBy(() -> new Declared(TestDatabases.Kind.H2, BAD))
                .hasMessageContaining(".yaml:4: the default is invalid: `prod` is not a env: choose one of staging, production.")
                .hasMessageContaining(".yaml:6: the host evil.example is outside the allow-list (hooks.example)")
                .hasMessageContaining(".yaml:7: `{{colour}}` names no variable here.")
                .hasMessageContaining(".yaml:12: the secret NOT_SET_ANYWHERE is not set (set NOT_SET_ANYWHERE or NOT_SET_ANYWHERE_FILE)")
                .hasMessageContaining(".yaml:14: `whoami` is already a command or alias of Capstan");
    }

    @Test
    void anAuditChannelThatIsNoChannelIdStopsStartUpNamingItsPath() {
        assertThatThrownBy(() -> new Declared(TestDatabases.Kind.H2, Declared.YAML.replace("    watch_every: 100ms",
                "    watch_every: 100ms\n    audit_channel: ops-audit")))
                .hasMessageContaining("families.commands.audit_channel: `ops-audit` is not a Slack channel id (C…)");
    }

    @Test
    void aDuplicateNameIsReportedWithTheLineOfTheFirst() {
        String twice = """
                commands:
                  - name: ping-target
                    action: { http: { url: "{{env.DIRECTORY_URL}}/a", allow_hosts: [127.0.0.1] } }
                  - name: ping-target
                    action: { http: { url: "{{env.DIRECTORY_URL}}/b", allow_hosts: [127.0.0.1] } }
                """;

        assertThatThrownBy(() -> new Declared(TestDatabases.Kind.H2, twice))
                .hasMessageContaining(".yaml:4: a second command named `ping-target` (the first is at ");
    }

    @Test
    void aChangedFileIsReloadedAndABadOneIsRefusedWhileTheLastGoodOneServes() throws Exception {
        Path file = Files.createTempFile("capstan-commands", ".yaml");
        Files.writeString(file, Declared.YAML);
        try (Declared declared = new Declared(TestDatabases.Kind.H2, "", Map.of("CAPSTAN_CONFIG", file.toString()))) {
            var admin = declared.app.as(Declared.ADMIN).freshTriggers();
            assertThat(admin.run("/capstan help").text()).contains("`/capstan whois`");

            replace(file, Declared.YAML.replace("name: whois", "name: lookup"));
            Await.until(() -> admin.run("/capstan help").text(), t -> t.contains("`/capstan lookup`"), Duration.ofSeconds(10),
                    "the changed file served");
            assertThat(admin.run("/capstan whois ada").text()).contains("I don't know `whois`");

            replace(file, BAD);
            var reload = admin.run("/capstan commands reload");
            String answer = declared.app.slack().awaitPosts(reload.responseUrl(), 1).get(0).text();
            assertThat(answer).contains("The file was refused; the commands in service stay as they were",
                    ".yaml:6: the host evil.example is outside the allow-list");
            assertThat(admin.run("/capstan lookup ada").text()).contains("Running `lookup`");
            assertThat(declared.app.as(Declared.MEMBER).run("/capstan commands reload").text()).contains("needs role admin");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aRefusedChangeOfTheFileIsPostedToTheAuditChannelWithFileLineAndReason() throws Exception {
        Path file = Files.createTempFile("capstan-commands", ".yaml");
        Files.writeString(file, Declared.YAML.replace("    watch_every: 100ms", "    watch_every: 100ms\n    audit_channel: C0AUDIT001"));
        try (Declared declared = new Declared(TestDatabases.Kind.H2, "", Map.of("CAPSTAN_CONFIG", file.toString()))) {
            replace(file, BAD);
            var posts = Await.until(() -> declared.app.slack().calls("chat.postMessage").stream()
                    .filter(call -> String.valueOf(call.arg("text")).contains("refused the new version")).toList(),
                    found -> !found.isEmpty(), Duration.ofSeconds(10), "the notice");
            assertThat(posts).hasSize(1);
            assertThat(posts.get(0).arg("channel")).isEqualTo("C0AUDIT001");
            assertThat(posts.get(0).arg("text")).contains(file.toString(), ".yaml:6: the host evil.example is outside the allow-list");
            assertThat(declared.app.as(Declared.ADMIN).run("/capstan help").text()).contains("`/capstan whois`");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The new content appears whole, by a rename, as a mounted ConfigMap changes: the watcher never reads half of it. */
    private static void replace(Path file, String content) throws Exception {
        Path next = Files.createTempFile(file.getParent(), "capstan-commands-next", ".yaml");
        Files.writeString(next, content);
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
