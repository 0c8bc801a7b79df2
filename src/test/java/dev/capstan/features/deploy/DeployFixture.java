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
import dev.capstan.support.TestDatabases;
import dev.capstan.support.Texts;
import java.time.Duration;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STARTED = Pattern.compile("Deployment #(\\d+) of");

    final FakeGitHub github = new FakeGitHub();
    final FakeGitHubRepos repos = new FakeGitHubRepos();
    final FakeCircleCi circleCi = new FakeCircleCi();
    final FakeJenkinsQueue jenkins = new FakeJenkinsQueue();
    final TestApp app;

    DeployFixture(TestDatabases.Kind database) {
        this(database, ISSUE_YAML);
    }

    private final AtomicInteger projects = new AtomicInteger();

    DeployFixture(TestDatabases.Kind database, String yaml) {
        github.extend(repos);
        app = builder(TestApp.on(database), yaml).start();
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
            return "{\"action\":\"created\",\"deployment_status\":{\"id\":9" + githubId + ",\"state\":\"" + state + "\",\"description\":\"" + state
                    + " by the deploy service\"" + (logUrl == null ? "" : ",\"log_url\":\"" + logUrl + "\"") + "},"
                    + "\"deployment\":{\"id\":" + githubId + ",\"sha\":\"" + SHA_V1 + "\",\"ref\":\"refs/tags/v1.0.0\",\"environment\":\"production\","
                    + "\"payload\":{\"capstan_request_id\":" + capstanId + "}}," + repository() + "}";
        }
    }

    /** The app's environment and families, for a replica or a restart on the same database. */
    TestApp.Builder builder(TestApp.Builder builder, String yaml) {
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
        return builder(TestApp.on(TestDatabases.Kind.POSTGRES).database(of.databaseUrl()).slack(of.slack()), ISSUE_YAML).start();
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
        if (calls.isEmpty()) return "";
        try {
            return Texts.blocksText(JSON.createObjectNode().set("blocks", JSON.readTree(calls.get(calls.size() - 1).arg("blocks"))));
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
