package dev.capstan.features.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.support.SlackUser;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Slack side without GitHub: team_join welcomes, and a directory that works while GitHub is not configured. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectorySlackSideTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.on(TestDatabases.Kind.H2).admins(DirectoryFixture.ADMIN).feature(new Directory()).start();
    }

    @AfterAll
    void stop() {
        app.closeAll();
    }

    private ObjectNode teamJoin(String userId, String name, String email) {
        ObjectNode event = JSON.createObjectNode().put("type", "team_join");
        ObjectNode user = event.putObject("user").put("id", userId).put("team_id", "T0TEST").put("name", userId.toLowerCase())
                .put("real_name", name).put("deleted", false).put("is_bot", false);
        user.putObject("profile").put("real_name", name).put("display_name", name).put("email", email);
        return event;
    }

    @Test
    void aNewcomerIsRegisteredFromTheEventAndWelcomedOnceDespiteSlackRetries() throws Exception {
        String newcomer = DirectoryFixture.newUserId();
        ObjectNode event = teamJoin(newcomer, "Grace Hopper", "grace@example.com");
        assertThat(SlackUser.event(app, "Ev-join-" + newcomer, event, Map.of()).status()).isEqualTo(200);
        assertThat(SlackUser.event(app, "Ev-join-" + newcomer, event, Map.of("X-Slack-Retry-Num", "1",
                "X-Slack-Retry-Reason", "http_timeout")).status()).isEqualTo(200);
        assertThat(app.slack().awaitDms(newcomer, 1).get(0).arg("text")).contains("Welcome").contains("user edit --github");
        app.awaitJobsDone();
        assertThat(app.slack().calls("chat.postMessage").stream().filter(c -> newcomer.equals(c.arg("channel")))).hasSize(1);
        assertThat(app.as(newcomer).run("/capstan user view").text()).contains("Grace Hopper").contains("grace@example.com");
    }

    @Test
    void aNewcomerWithAHugeOrUnprintableNameIsStillRegisteredAndWelcomed() {
        String huge = DirectoryFixture.newUserId();
        SlackUser.event(app, "Ev-join-" + huge, teamJoin(huge, "Ada " + "L".repeat(100_000), "e".repeat(400) + "@example.com"), Map.of());
        assertThat(app.slack().awaitDms(huge, 1).get(0).arg("text")).contains("Welcome");
        String card = app.as(huge).run("/capstan user view").text();
        assertThat(card).contains("Ada " + "L".repeat(150)).doesNotContain("L".repeat(200)).doesNotContain("@example.com");
        String unprintable = DirectoryFixture.newUserId();
        SlackUser.event(app, "Ev-join-" + unprintable, teamJoin(unprintable, "Bob\u0000\u0007 Tables", "bob@example.com"), Map.of());
        assertThat(app.slack().awaitDms(unprintable, 1).get(0).arg("text")).contains("Welcome");
        assertThat(app.as(unprintable).run("/capstan user view").text()).contains("bob@example.com").doesNotContain("Tables");
    }

    @Test
    void teamJoinNeverOverwritesAnExistingProfile() {
        String known = DirectoryFixture.newUserId();
        app.as(known).run("/capstan user add");
        app.slack().awaitPosts(app.as(known).run("/capstan user edit --name Original").responseUrl(), 1);
        SlackUser.event(app, "Ev-join-" + known, teamJoin(known, "Impostor", "x@example.com"), Map.of());
        app.slack().awaitDms(known, 1);
        assertThat(app.as(known).run("/capstan user view").text()).contains("Original").doesNotContain("Impostor");
    }

    @Test
    void withoutGitHubTheDirectoryWorksAndGitHubOptionsSaySoAndChangeNothing() {
        String me = DirectoryFixture.newUserId();
        app.as(me).run("/capstan user add");
        var linking = app.as(me).run("/capstan user edit --github octocat --name Me");
        assertThat(app.slack().awaitPosts(linking.responseUrl(), 1).get(0).allText())
                .contains("GitHub is not configured").contains("`--github` cannot be used").contains("nothing was changed");
        assertThat(app.as(me).run("/capstan user view").text()).doesNotContain("octocat").doesNotContain("Me\n");
        var created = app.as(DirectoryFixture.ADMIN).run("/capstan team create local --lead " + me);
        assertThat(app.slack().awaitPosts(created.responseUrl(), 1).get(0).allText()).contains("here only: GitHub is not configured");
        var added = app.as(me).run("/capstan team edit local --github renamed");
        assertThat(app.slack().awaitPosts(added.responseUrl(), 1).get(0).allText()).contains("renamed from `local`");
        assertThat(app.as(me).run("/capstan whoami").text()).contains("Teams: `renamed` (lead)").contains("GitHub: not linked");
    }

    @Test
    void theWebhookDoesNotExistWhileNoSecretIsConfigured() {
        var reply = app.rawPost("/github/webhook", "{}", "application/json", Map.of("X-GitHub-Event", "ping",
                "X-GitHub-Delivery", "d1", "X-Hub-Signature-256", "sha256=00"));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).contains("no webhook source 'github' is configured");
    }
}
