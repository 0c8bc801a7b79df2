package dev.capstan.features.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.Await;
import dev.capstan.support.FakeGitHub;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A Capstan with the directory, a fake GitHub organisation, and helpers that speak as Slack users. */
final class DirectoryFixture implements AutoCloseable {
    static final String ADMIN = "UADMIN01";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    final FakeGitHub github = new FakeGitHub();
    final TestApp app;

    DirectoryFixture(TestDatabases.Kind database, String yaml) {
        this(database, yaml, Map.of());
    }

    DirectoryFixture(TestDatabases.Kind database, String yaml, Map<String, String> env) {
        TestApp.Builder builder = TestApp.on(database);
        env.forEach(builder::env);
        app = builder.admins(ADMIN).feature(new Directory())
                .env("GITHUB_API_URL", github.url())
                .env("GITHUB_APP_ID", FakeGitHub.APP_ID)
                .env("GITHUB_APP_PRIVATE_KEY", github.privateKeyPem())
                .env("GITHUB_ORG", FakeGitHub.ORG)
                .env("GITHUB_WEBHOOK_SECRET", "webhook-secret")
                .yaml(yaml)
                .start();
    }

    /** A Slack user id nobody used yet, so tests sharing one app never meet. */
    static String newUserId() {
        return String.format("UT%07d", PEOPLE.incrementAndGet());
    }

    SlashReply run(String user, String line) {
        return app.as(user).run(line);
    }

    /** Runs a slow command and returns what it finally said on the response_url. */
    String slow(String user, String line) {
        SlashReply ack = run(user, line);
        assertThat(ack.text()).as("ack of " + line).contains("Working on");
        return app.slack().awaitPosts(ack.responseUrl(), 1).get(0).allText();
    }

    /** A registered person with a name, an email and a linked GitHub account (login = lower-case id). */
    String person() {
        String id = newUserId();
        long githubId = Long.parseLong(id.substring(2));
        github.account(id.toLowerCase(), githubId);
        run(id, "/capstan user add");
        assertThat(slow(id, "/capstan user edit --name \"Person " + id + "\" --email " + id.toLowerCase()
                + "@example.com --github " + id.toLowerCase())).contains("Updated your profile");
        return id;
    }

    /** A registered person with the team_lead role. */
    String lead() {
        String id = person();
        assertThat(slow(ADMIN, "/capstan user edit --username " + id + " --permission team_lead")).contains("team_lead");
        return id;
    }

    /** A team created by the admin, led by {@code lead}. */
    String team(String lead) {
        String name = "team-" + newUserId().toLowerCase();
        assertThat(slow(ADMIN, "/capstan team create " + name + " --lead <@" + lead + ">")).contains("Created team");
        return name;
    }

    /** Waits for a post on the response_url that contains {@code text}. */
    String awaitPost(String responseUrl, String text) {
        return Await.until(() -> app.slack().posts(responseUrl).stream().map(FakeSlack.HookPost::allText)
                        .filter(t -> t.contains(text)).findFirst().orElse(null),
                t -> t != null, Duration.ofSeconds(15), "a post containing " + text).toString();
    }

    List<String> gitHubChanges() {
        return github.changes();
    }

    @Override
    public void close() {
        app.closeAll();
        github.close();
    }
}
