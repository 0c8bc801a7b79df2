package dev.capstan.features.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.command.Role;
import dev.capstan.security.Hmac;
import dev.capstan.support.Await;
import dev.capstan.support.FakeCircleCi;
import dev.capstan.support.FakeGitHub;
import dev.capstan.support.FakeGitHubRepos;
import dev.capstan.support.FakeJenkinsQueue;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestClock;
import dev.capstan.support.TestDatabases;
import dev.capstan.support.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Capstan with the deploy family, a fake GitHub (App, repositories, deployments, Actions), a fake CircleCI and a fake Jenkins. */
final class DeployFixture implements AutoCloseable {
    static final String ADMIN = "UADMIN01";
    static final String LEAD = "ULEAD0001";
    static final String ALICE = "UALICE01";
    static final String BOB = "UBOB00001";
    static final String REPO = "acme/web";
    static final String GITHUB_SECRET = "github-webhook-secret";
    static final String CIRCLE_SECRET = "circleci-webhook-secret";
    static final String SHA_V1 = "1111111111111111111111111111111111111111";
    static final String SHA_MAIN = "2222222222222222222222222222222222222222";
    static final String SHA_FEATURE = "3333333333333333333333333333333333333333";
    static final String SHA_RELEASE = "4444444444444444444444444444444444444444";
    /** The configuration of the deployments issue, as written there, plus a quick poll for the tests. */
    static final String ISSUE_YAML = """
            families:
              deploy:
                required_contexts: []
                poll_interval: 150ms
                environments:
                  preview:    { refs: ["main", "master"], auto: { push: ["main", "master"] } }
                  test:       { refs: ["release*"], auto: { push: ["release*"] } }
                  staging:    { refs: ["*"], ci: { circleci: { parameters: { deploy_env: staging } } } }
                  production:
                    refs: ["tags/v*", "tags/[0-9]*"]
                    auto: { push: ["tags/v*"] }
                    ci: { jenkins: { job: "deploy/web", parameters: { ENV: "{{env}}", REF: "{{ref}}", SHA: "{{sha}}" } } }
                  preview-gha: { refs: ["*"], ci: { github_actions: { workflow: "deploy.yml" } } }
            """;
    /**
     * The policy of the safety issue, as written there for production, plus environments that exercise the rest:
     * {@code qa} with two approvals from named people and named deployers, {@code test} frozen in New York with a
     * person allowed to override, {@code staging} queueing, and a quick poll for the tests.
     */
    static final String POLICY_YAML = """
            families:
              deploy:
                poll_interval: 150ms
                environments:
                  staging: { refs: ["*"], queue: true }
                  production:
                    refs: ["tags/v*"]
                    auto: { push: ["tags/v*"] }
                    deployers: { role: member }
                    approvals: { count: 1, from: { role: team_lead }, self_approval: false, timeout: 30m }
                    freeze:
                      - { cron: "0 16 * * FRI", duration: 64h, zone: Europe/Stockholm }
                      - { from: "2026-12-23T00:00", to: "2027-01-02T00:00", zone: Europe/Stockholm }
                    emergency: { role: admin }
                    watchdog: 5m
                    queue: false
                  qa:
                    refs: ["*"]
                    deployers: { users: [UALICE01, UBOB00001] }
                    approvals: { count: 2, from: { users: [ULEAD0001, UADMIN01, UCAROL001] }, timeout: 10m }
                  test:
                    refs: ["release*"]
                    auto: { push: ["release*"] }
                    freeze:
                      - { cron: "0 16 * * FRI", duration: 64h, zone: America/New_York }
                    emergency: { users: [UBOB00001] }
                    watchdog: 2m
            """;
    /** Wednesday 25 March 2026, 11:00 in Stockholm: no freeze anywhere. */
    static final Instant WEDNESDAY = Instant.parse("2026-03-25T10:00:00Z");
    static final String CAROL = "UCAROL001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STARTED = Pattern.compile("Deployment #(\\d+) of");
    private static final Pattern APPROVAL = Pattern.compile("approval request #(\\d+)");

    final FakeGitHub github = new FakeGitHub();
    final FakeGitHubRepos repos = new FakeGitHubRepos();
    final FakeCircleCi circleCi = new FakeCircleCi();
    final FakeJenkinsQueue jenkins = new FakeJenkinsQueue();
    final TestApp app;
    /** Capstan's clock: fixed, moved by the test; null for the real time. */
    final TestClock clock;
    private final String yaml;
    private final AtomicInteger projects = new AtomicInteger();

    DeployFixture(TestDatabases.Kind database) {
        this(database, ISSUE_YAML);
    }

    DeployFixture(TestDatabases.Kind database, String yaml) {
        this(database, yaml, null);
    }

    /** The policy configuration on a clock fixed at {@link #WEDNESDAY}. */
    static DeployFixture withPolicy(TestDatabases.Kind database) {
        return new DeployFixture(database, POLICY_YAML, new TestClock(WEDNESDAY));
    }

    DeployFixture(TestDatabases.Kind database, String yaml, TestClock clock) {
        this(database, yaml, clock, Map.of());
    }

    /** With more environment variables ({@code CAPSTAN_PUBLIC_URL}). */
    DeployFixture(TestDatabases.Kind database, String yaml, TestClock clock, Map<String, String> env) {
        this.yaml = yaml;
        this.clock = clock;
        github.extend(repos);
        TestApp.Builder builder = builder(TestApp.on(database), yaml);
        env.forEach(builder::env);
        app = builder.start();
        promote(LEAD);
    }

    /** A repository of its own, with a few refs and collaborators, bound to a channel of its own by the lead. */
    Project project() {
        Project project = unbound();
        assertThat(project.slow(LEAD, "/deploy setup " + project.repo())).contains("Setting up `" + project.repo() + "` in this channel");
        return project;
    }

    /** A repository GitHub knows and a channel, not yet bound to each other. */
    Project unbound() {
        int n = projects.incrementAndGet();
        String repo = REPO + n;
        repos.repository(repo, "alice-gh", "bob-gh", "carol-gh-" + n)
                .ref(repo, "refs/tags/v1.0.0", SHA_V1).ref(repo, "refs/heads/main", SHA_MAIN)
                .ref(repo, "refs/heads/feature/Login-Page", SHA_FEATURE).ref(repo, "refs/heads/release/1.2", SHA_RELEASE);
        return new Project(this, repo, String.format("CWEB%05d", n));
    }

    /** One repository and its channel, and people speaking in that channel. */
    record Project(DeployFixture fx, String repo, String channel) {
        SlashReply run(String user, String line) {
            return fx.app.as(user).in(channel).run(line);
        }

        /** Runs a slow command and returns what it finally said on the response_url. */
        String slow(String user, String line) {
            SlashReply ack = run(user, line);
            assertThat(ack.text()).as("ack of " + line).contains("Working on");
            return fx.app.slack().awaitPosts(ack.responseUrl(), 1).get(0).allText();
        }

        /** Clicks a button of a message here and returns what the clicker alone was told. */
        String click(String user, SlashReply.Button button) {
            SlashReply ack = fx.app.as(user).in(channel).click(button);
            assertThat(ack.status()).isEqualTo(200);
            return fx.app.slack().awaitPosts(ack.responseUrl(), 1).get(0).allText();
        }

        /** Asks for a deployment that needs approval and returns the approval request's number. */
        long request(String user, String line) {
            SlashReply reply = run(user, line);
            Matcher matcher = APPROVAL.matcher(reply.text());
            assertThat(matcher.find()).as("an approval request: " + reply.text()).isTrue();
            return Long.parseLong(matcher.group(1));
        }

        /** A push event of {@code ref} at {@code sha}, by GitHub user {@code login}. */
        String push(String ref, String sha, String login) {
            return "{\"ref\":\"" + ref + "\",\"after\":\"" + sha + "\",\"deleted\":false,\"head_commit\":{\"id\":\"" + sha
                    + "\",\"author\":{\"username\":\"" + login + "\"}},\"pusher\":{\"name\":\"" + login + "\"}," + repository() + "}";
        }

        /** Deploys and returns the deployment's number from the reply. */
        long deploy(String user, String line) {
            SlashReply reply = run(user, line);
            Matcher matcher = STARTED.matcher(reply.text());
            assertThat(matcher.find()).as("started: " + reply.text()).isTrue();
            return Long.parseLong(matcher.group(1));
        }

        /** The repository part of webhook payloads. */
        String repository() {
            return "\"repository\":{\"id\":1,\"full_name\":\"" + repo + "\",\"name\":\"" + repo.substring(5) + "\",\"owner\":{\"login\":\"acme\"}},"
                    + "\"sender\":{\"login\":\"octocat\",\"id\":1},\"installation\":{\"id\":77}";
        }

        /** A deployment_status event for GitHub deployment {@code githubId}. */
        String deploymentStatus(long githubId, long capstanId, String state, String logUrl) {
            return deploymentStatus(githubId, SHA_V1, capstanId, state, logUrl);
        }

        /** A deployment_status event for GitHub deployment {@code githubId} of commit {@code sha}. */
        String deploymentStatus(long githubId, String sha, long capstanId, String state, String logUrl) {
            return "{\"action\":\"created\",\"deployment_status\":{\"id\":9" + githubId + ",\"state\":\"" + state + "\",\"description\":\"" + state
                    + " by the deploy service\"" + (logUrl == null ? "" : ",\"log_url\":\"" + logUrl + "\"") + "},"
                    + "\"deployment\":{\"id\":" + githubId + ",\"sha\":\"" + sha + "\",\"ref\":\"refs/tags/v1.0.0\",\"environment\":\"production\","
                    + "\"payload\":{\"capstan_request_id\":" + capstanId + "}}," + repository() + "}";
        }
    }

    /** The app's environment and families, for a replica or a restart on the same database. */
    TestApp.Builder builder(TestApp.Builder builder, String yaml) {
        if (clock != null) builder.clock(clock);
        return builder.admins(ADMIN).feature(new Deploy())
                .env("GITHUB_API_URL", github.url()).env("GITHUB_APP_ID", FakeGitHub.APP_ID)
                .env("GITHUB_APP_PRIVATE_KEY", github.privateKeyPem()).env("GITHUB_ORG", FakeGitHub.ORG)
                .env("GITHUB_WEBHOOK_SECRET", GITHUB_SECRET).env("CIRCLECI_WEBHOOK_SECRET", CIRCLE_SECRET)
                .env("CIRCLECI_TOKEN", FakeCircleCi.TOKEN).env("CIRCLECI_API_URL", circleCi.url())
                .env("JENKINS_URL", jenkins.url()).env("JENKINS_USER", FakeJenkinsQueue.USER).env("JENKINS_API_TOKEN", FakeJenkinsQueue.TOKEN)
                .yaml(yaml);
    }

    /** Another app on the same database and the same fake Slack: a second replica, or Capstan after a restart. */
    TestApp another(TestApp of) {
        return builder(TestApp.on(TestDatabases.Kind.POSTGRES).database(of.databaseUrl()).slack(of.slack()), yaml).start();
    }

    void promote(String user) {
        app.capstan().people().setRole(user, Role.TEAM_LEAD);
    }

    /** Every version of the deployment's message Slack was sent (chat.postMessage first, then chat.update), as headlines. */
    List<String> versions(long id) {
        return calls(id).stream().map(c -> c.arg("text")).toList();
    }

    List<FakeSlack.ApiCall> calls(long id) {
        return app.slack().allCalls().stream().filter(c -> c.method().equals("chat.postMessage") || c.method().equals("chat.update"))
                .filter(c -> c.arg("blocks") != null && c.arg("blocks").contains("Deployment #" + id + " of")).toList();
    }

    /** The message's blocks as a person reads them, latest version. */
    String message(long id) {
        List<FakeSlack.ApiCall> calls = calls(id);
        return calls.isEmpty() ? "" : read(calls.get(calls.size() - 1));
    }

    private static String read(FakeSlack.ApiCall call) {
        try {
            return Texts.blocksText(JSON.createObjectNode().set("blocks", JSON.readTree(call.arg("blocks"))));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until the latest version of the message satisfies {@code condition}. */
    String awaitMessage(long id, Predicate<String> condition, String what) {
        return Await.until(() -> message(id), condition, Duration.ofSeconds(20), "deployment #" + id + "'s message " + what);
    }

    String awaitState(long id, String label) {
        return awaitMessage(id, m -> m.contains(label), "saying " + label);
    }

    /** Every version of approval request #id's card Slack was sent. */
    List<FakeSlack.ApiCall> cardCalls(long id) {
        Pattern mine = Pattern.compile("Approval request #" + id + "\\b");
        return app.slack().allCalls().stream().filter(c -> c.method().equals("chat.postMessage") || c.method().equals("chat.update"))
                .filter(c -> c.arg("blocks") != null && mine.matcher(c.arg("blocks")).find()).toList();
    }

    /** The card's latest version as a person reads it. */
    String card(long id) {
        List<FakeSlack.ApiCall> calls = cardCalls(id);
        return calls.isEmpty() ? "" : read(calls.get(calls.size() - 1));
    }

    String awaitCard(long id, Predicate<String> condition, String what) {
        return Await.until(() -> card(id), condition, Duration.ofSeconds(20), "approval card #" + id + " " + what);
    }

    /** The card's buttons, latest version. */
    List<SlashReply.Button> cardButtons(long id) {
        List<FakeSlack.ApiCall> calls = cardCalls(id);
        if (calls.isEmpty()) return List.of();
        return new SlashReply(200, "{\"blocks\":" + calls.get(calls.size() - 1).arg("blocks") + "}", null).buttons();
    }

    SlashReply.Button cardButton(long id, String text) {
        return Await.until(() -> cardButtons(id).stream().filter(b -> b.text().equals(text)).findFirst().orElse(null), b -> b != null,
                Duration.ofSeconds(20), "the " + text + " button of approval card #" + id);
    }

    /** Where Slack shows the message kept under {@code key}. */
    String ts(String key) {
        return app.capstan().database().jdbi().withHandle(h -> h.createQuery("select ts from slack_messages where message_key = :k")
                .bind("k", key).mapTo(String.class).findOne().orElse(null));
    }

    /** GitHub deployments of a repository. */
    List<FakeGitHubRepos.FakeDeployment> gitHubDeployments(String repo) {
        return repos.deployments().stream().filter(d -> d.repository().equals(repo)).toList();
    }

    /** The fake GitHub deployment for Capstan's deployment #id, once created. */
    FakeGitHubRepos.FakeDeployment gitHubDeployment(long id) {
        return Await.until(() -> repos.deployments().stream().filter(d -> d.request().path("payload").path("capstan_request_id").asLong() == id)
                .findFirst().orElse(null), d -> d != null, Duration.ofSeconds(20), "GitHub deployment of #" + id);
    }

    SlashReply gitHubEvent(String event, String deliveryId, String body) {
        return app.rawPost("/github/webhook", body, "application/json", Map.of("X-GitHub-Event", event,
                "X-GitHub-Delivery", deliveryId, "X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(GITHUB_SECRET, body)));
    }

    SlashReply gitHubEvent(String event, String body) {
        return gitHubEvent(event, UUID.randomUUID().toString(), body);
    }

    SlashReply circleCiEvent(String body) {
        return app.rawPost("/circleci/webhook", body, "application/json", Map.of("circleci-signature", "v1=" + Hmac.sha256Hex(CIRCLE_SECRET, body)));
    }

    @Override
    public void close() {
        app.closeAll();
        github.close();
        circleCi.close();
        jenkins.close();
    }
}
