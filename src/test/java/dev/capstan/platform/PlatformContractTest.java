package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import dev.capstan.app.Config;
import dev.capstan.security.Hmac;
import dev.capstan.support.Await;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.slf4j.LoggerFactory;

/** The platform v2 contract, through a family that uses every part of it; on H2 and on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class PlatformContractTest {
    static final String ADMIN = "UADMIN01";
    static final String ALICE = "UALICE01";
    static final String TOKEN = "contract-token-0123456789";
    static final String GITHUB_SECRET = "github-secret";
    static final String CIRCLECI_SECRET = "circleci-secret";
    static final String HOOK_SECRET = "jenkins-hook-secret";

    @Parameter
    TestDatabases.Kind database;
    TestApp app;
    ContractFamily family;
    HttpServer builds;
    /** What the build server answers for each build, one answer per request (the last one repeats). */
    final Map<String, Queue<String>> answers = new ConcurrentHashMap<>();

    @BeforeParameterizedClassInvocation
    void start() throws IOException {
        builds = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        builds.createContext("/builds/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/builds/".length());
            Queue<String> queue = answers.getOrDefault(id, new ConcurrentLinkedQueue<>(List.of("200 {\"state\":\"success\"}")));
            String answer = queue.size() > 1 ? queue.poll() : queue.peek();
            if (answer.startsWith("sleep")) {
                sleep(Duration.ofSeconds(2));
                answer = "200 {\"state\":\"success\"}";
            }
            if (answer.startsWith("echo")) {
                answer = "400 {\"error\":\"bad token " + exchange.getRequestHeaders().getFirst("Authorization") + "\"}";
            }
            byte[] body = answer.substring(4).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(Integer.parseInt(answer.substring(0, 3)), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        builds.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        builds.start();
        family = new ContractFamily();
        app = TestApp.on(database).admins(ADMIN).feature(family)
                .env("CONTRACT_TOKEN", TOKEN).env("GITHUB_WEBHOOK_SECRET", GITHUB_SECRET)
                .env("CIRCLECI_WEBHOOK_SECRET", CIRCLECI_SECRET).env("JENKINS_HOOK_SECRET", HOOK_SECRET)
                .yaml("""
                        hooks:
                          jenkins: { secret_env: JENKINS_HOOK_SECRET }
                        families:
                          contract:
                            builds_url: http://127.0.0.1:%d
                            poll_ms: 50
                            channel: CBUILDS
                        """.formatted(builds.getAddress().getPort()))
                .start();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        app.closeAll();
        builds.stop(0);
    }

    @Test
    void aCommandDeclaredAsDataGoesThroughHelpUsageDidYouMeanAndThePolicy() {
        assertThat(app.as(ALICE).run("/capstan contract greet Ada --times 2 --tone loud").text()).isEqualTo("HELLO ADA! HELLO ADA!");
        assertThat(app.as(ALICE).run("/capstan contract greet Ada").text()).isEqualTo("Hello Ada.");
        assertThat(app.as(ALICE).run("/capstan contract greet").text()).contains("Missing required parameter: 'NAME'")
                .contains("Usage: /capstan contract greet");
        assertThat(app.as(ALICE).run("/capstan contract greet Ada --tone lound").text())
                .contains("`--tone` is calm or loud, not `lound`. Did you mean `loud`?");
        assertThat(app.as(ALICE).run("/capstan contract gret Ada").text()).contains("Did you mean").contains("greet");
        assertThat(app.as(ALICE).run("/capstan help contract").text()).contains("greet").contains("watch").doesNotContain("wipe");
        assertThat(app.as(ALICE).run("/capstan contract greet -h").text()).contains("Greet someone, a few times over.")
                .contains("--times=N").contains("--tone=TONE");
        assertThat(app.as(ALICE).run("/capstan contract wipe the-logs").text()).contains("team_lead");
        assertThat(app.as(ADMIN).run("/capstan audit --command \"contract greet\" --limit 50").text()).contains("contract greet Ada --times 2");
    }

    @Test
    void aTypedConfirmationRunsItsActionWithItsPayloadOnce() {
        SlashReply ask = app.as(ADMIN).run("/capstan contract wipe the-cache");
        assertThat(ask.text()).contains("Really wipe the-cache?");
        SlashReply click = app.as(ADMIN).click(ask.button("Confirm"));
        assertThat(app.slack().awaitPosts(click.responseUrl(), 1).get(0).text()).isEqualTo("Wiped the-cache.");
        SlashReply again = app.as(ADMIN).click(ask.button("Confirm"));
        assertThat(app.slack().awaitPosts(again.responseUrl(), 1).get(0).text()).contains("already confirmed");
        assertThat(family.wiped).containsOnlyOnce("the-cache");
    }

    @Test
    void aJobPollsTheBuildServerUntilTheBuildEndsAndTheSameWatchEnqueuedTwiceRunsOnce() {
        String id = "b-" + UUID.randomUUID();
        answers.put(id, new ConcurrentLinkedQueue<>(List.of("200 {\"state\":\"running\"}", "200 {\"state\":\"running\"}",
                "200 {\"state\":\"failed\"}")));
        assertThat(app.as(ALICE).run("/capstan contract watch " + id).text()).isEqualTo("Watching build " + id + ".");
        assertThat(app.as(ALICE).run("/capstan contract watch " + id).text()).isEqualTo("Build " + id + " is already being watched.");
        assertThat(app.slack().awaitMessages(c -> ("Build " + id + " ended: failed.").equals(c.arg("text")), 1)).hasSize(1);
        assertThat(family.polls).filteredOn(id::equals).hasSize(3);
        assertThat(app.as(ADMIN).run("/capstan audit --kind http --limit 100").text()).contains("GET 127.0.0.1:")
                .contains("/builds/" + id).doesNotContain(TOKEN);
    }

    @Test
    void aCallToAServerThatDoesNotAnswerInTimeGivesUpAndSaysWhy() {
        String id = "slow-" + UUID.randomUUID();
        answers.put(id, new ConcurrentLinkedQueue<>(List.of("sleep")));
        app.as(ALICE).run("/capstan contract watch " + id);
        String told = app.slack().awaitMessages(c -> c.arg("text") != null && c.arg("text").contains("stopped watching build " + id), 1)
                .get(0).arg("text");
        assertThat(told).contains("timed out").contains("attempts)");
    }

    @Test
    void aDeclaredSecretNeverShowsInALogLineOrAReplyEvenWhenAServerEchoesIt() {
        String id = "echo-" + UUID.randomUUID();
        answers.put(id, new ConcurrentLinkedQueue<>(List.of("echo")));
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try {
            app.as(ALICE).run("/capstan contract watch " + id);
            String told = app.slack().awaitMessages(c -> c.arg("text") != null && c.arg("text").contains("build " + id), 1)
                    .get(0).arg("text");
            assertThat(told).contains("answered 400").contains("bad token Bearer •••").doesNotContain(TOKEN)
                    .contains("(after 1 attempt)");
            Await.until(() -> List.copyOf(logs.list), events -> events.stream().anyMatch(e -> e.getFormattedMessage().contains(id)),
                    Duration.ofSeconds(5), "a log line about the build");
            var layout = new ch.qos.logback.classic.PatternLayout();
            layout.setContext(root.getLoggerContext());
            layout.setPattern("%maskedMsg%n%maskedEx");
            layout.start();
            assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(layout.doLayout(event)).doesNotContain(TOKEN));
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void oneMessageIsUpdatedInPlaceByWebhooksArrivingOutOfOrderAndRedelivered() {
        long deployment = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        assertThat(github("deployment_status", "d1-" + deployment, deploymentStatus(deployment, 11, "queued")).body()).isEqualTo("shown queued");
        awaitShown(deployment, "queued");
        assertThat(github("deployment_status", "d3-" + deployment, deploymentStatus(deployment, 13, "success")).status()).isEqualTo(200);
        awaitShown(deployment, "success");
        assertThat(github("deployment_status", "d2-" + deployment, deploymentStatus(deployment, 12, "in_progress")).status()).isEqualTo(200);
        assertThat(github("deployment_status", "d3-" + deployment, deploymentStatus(deployment, 13, "success")).body()).isEqualTo("already handled");
        String text = "Deployment " + deployment + ": ";
        List<FakeSlack.ApiCall> posted = app.slack().calls("chat.postMessage").stream()
                .filter(c -> c.arg("text") != null && c.arg("text").startsWith(text)).toList();
        assertThat(posted).hasSize(1);
        app.awaitJobsDone();
        List<String> updates = app.slack().calls("chat.update").stream().map(c -> c.arg("text"))
                .filter(t -> t != null && t.startsWith(text)).toList();
        assertThat(updates).containsExactly(text + "success");
        FakeSlack.ApiCall update = app.slack().calls("chat.update").stream().filter(c -> (text + "success").equals(c.arg("text")))
                .findFirst().orElseThrow();
        assertThat(update.arg("channel")).isEqualTo("CBUILDS");
        assertThat(update.arg("ts")).isNotBlank();
    }

    @Test
    void aMessageSlackNoLongerHasIsPostedAgain() {
        long deployment = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        github("deployment_status", "g1-" + deployment, deploymentStatus(deployment, 21, "queued"));
        awaitShown(deployment, "queued");
        app.slack().scriptNext("chat.update", new FakeSlack.Scripted(200, Map.of(), "{\"ok\":false,\"error\":\"message_not_found\"}"));
        github("deployment_status", "g2-" + deployment, deploymentStatus(deployment, 22, "failure"));
        assertThat(app.slack().awaitMessages(c -> ("Deployment " + deployment + ": failure").equals(c.arg("text")), 1)).hasSize(1);
    }

    @Test
    void signedCircleCiAndCapstanHooksReachTheirSubscribersAndEverythingElseIsRefused() {
        String pipeline = UUID.randomUUID().toString();
        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"workflow-completed\",\"happened_at\":\"" + Instant.now()
                + "\",\"pipeline\":{\"id\":\"" + pipeline + "\"},\"workflow\":{\"status\":\"success\"}}";
        SlashReply ci = app.rawPost("/circleci/webhook", body, "application/json",
                Map.of("circleci-signature", "v1=" + Hmac.sha256Hex(CIRCLECI_SECRET, body)));
        assertThat(ci.status()).isEqualTo(200);
        assertThat(ci.body()).isEqualTo("pipeline success");
        assertThat(app.rawPost("/circleci/webhook", body, "application/json",
                Map.of("circleci-signature", "v1=" + Hmac.sha256Hex(CIRCLECI_SECRET, body))).body()).isEqualTo("already handled");
        assertThat(app.rawPost("/circleci/webhook", body, "application/json",
                Map.of("circleci-signature", "v1=" + Hmac.sha256Hex("wrong", body))).status()).isEqualTo(401);

        String jenkins = "{\"event\":\"build-finished\",\"build\":7}";
        long now = Instant.now().getEpochSecond();
        SlashReply hook = app.rawPost("/hooks/jenkins", jenkins, "application/json", Map.of("X-Capstan-Delivery", "j-" + pipeline,
                "X-Capstan-Signature", "t=" + now + ",v1=" + Hmac.sha256Hex(HOOK_SECRET, now + "." + jenkins)));
        assertThat(hook.status()).isEqualTo(202);
        assertThat(hook.body()).isEqualTo("recorded; nobody subscribes to build-finished");
        long stale = now - 600;
        assertThat(app.rawPost("/hooks/jenkins", jenkins, "application/json", Map.of("X-Capstan-Delivery", "j2-" + pipeline,
                "X-Capstan-Signature", "t=" + stale + ",v1=" + Hmac.sha256Hex(HOOK_SECRET, stale + "." + jenkins))).status()).isEqualTo(401);
        assertThat(app.rawPost("/hooks/gitlab", jenkins, "application/json", Map.of()).status()).isEqualTo(404);
        assertThat(app.as(ADMIN).run("/capstan audit --kind webhook --limit 100").text())
                .contains("circleci workflow-completed").contains("pipeline success").contains("jenkins build-finished");
    }

    @Test
    void aSettingsRecordWithAMisspeltKeyStopsStartUpNamingItsPathAndTheClosestKey() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(database).feature(new ContractFamily())
                .yaml("""
                        families:
                          contract:
                            pol_ms: 5
                        """).start());
        assertThat(invalid.problems()).containsExactly("families.contract: unknown key `pol_ms`. Did you mean `poll_ms`?");
    }

    private SlashReply github(String event, String delivery, String body) {
        return app.rawPost("/github/webhook", body, "application/json", Map.of("X-GitHub-Event", event, "X-GitHub-Delivery", delivery,
                "X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(GITHUB_SECRET, body)));
    }

    private static String deploymentStatus(long deployment, long statusId, String state) {
        return "{\"action\":\"created\",\"deployment_status\":{\"id\":" + statusId + ",\"state\":\"" + state + "\"},"
                + "\"deployment\":{\"id\":" + deployment + "},\"repository\":{\"full_name\":\"acme/web\"}}";
    }

    private void awaitShown(long deployment, String state) {
        String text = "Deployment " + deployment + ": " + state;
        Await.until(() -> app.slack().allCalls().stream().filter(c -> text.equals(c.arg("text"))).count(), n -> n >= 1,
                Duration.ofSeconds(10), text);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
