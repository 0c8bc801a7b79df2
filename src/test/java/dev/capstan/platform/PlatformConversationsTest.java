package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.security.Hmac;
import dev.capstan.support.BothCores;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.ModalInputs;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.Simultaneously;
import dev.capstan.support.SlackUser;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.net.URI;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Conversations with the platform's own commands and the demo family; runs on H2 and on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
@ResourceLock(value = BothCores.LOCK, mode = ResourceAccessMode.READ)
class PlatformConversationsTest {
    static final String ADMIN = "UADMIN01";
    static final String ALICE = "UALICE01";
    static final String BOB = "W0BOB0000001";

    static final ObjectMapper JSON = new ObjectMapper();
    @Parameter
    TestDatabases.Kind database;
    TestApp app;
    DemoFamily demo;

    @BeforeParameterizedClassInvocation
    void start() {
        demo = new DemoFamily();
        app = TestApp.on(database).admins(ADMIN).feature(demo)
                .yaml("""
                        aliases:
                          ops: capstan
                        access:
                          - command: demo secret
                            allow_users: [UALICE01]
                          - command: demo echo
                            deny_channels: [CLOCKED]
                        """)
                .start();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        app.closeAll();
    }

    @Test
    void whoamiTellsAMemberTheirIdAndRole() {
        SlashReply reply = app.as(ALICE).run("/capstan whoami");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("`UALICE01`").contains("role *member*");
        assertThat(reply.responseType()).isEqualTo("ephemeral");
    }

    @Test
    void capstanAdminsFromTheEnvironmentAreAdmins() {
        assertThat(app.as(ADMIN).run("/capstan whoami").text()).contains("role *admin*");
    }

    @Test
    void elevenCharacterIdsAreUsersToo() {
        assertThat(app.as(BOB).run("/capstan whoami").text()).contains("`W0BOB0000001`");
    }

    @Test
    void helpListsOnlyWhatTheCallerMayRun() {
        String member = app.as(ALICE).run("/capstan help").text();
        String admin = app.as(ADMIN).run("/capstan help").text();
        assertThat(member).contains("/capstan whoami").contains("/capstan demo").doesNotContain("/capstan audit");
        assertThat(admin).contains("/capstan audit").contains("/capstan access");
    }

    @Test
    void theMainCommandAloneShowsHelp() {
        assertThat(app.as(ALICE).run("/capstan").text()).contains("What you can run here");
    }

    @Test
    void familyHelpIsReachableEveryWay() {
        for (String line : List.of("/capstan help demo", "/capstan demo help", "/capstan demo", "/demo help", "/demo")) {
            String text = app.as(BOB).run(line).text();
            assertThat(text).as(line).contains("echo [--shout] WORD...").contains("Say the words back.");
            assertThat(text).as(line).doesNotContain("Only for admins.");
        }
    }

    @Test
    void commandHelpShowsUsageWithOptions() {
        for (String line : List.of("/capstan demo echo -h", "/capstan demo echo --help", "/capstan help demo echo", "/demo help echo")) {
            assertThat(app.as(ALICE).run(line).text()).as(line).contains("Usage:").contains("--shout");
        }
    }

    @Test
    void aCommandRunsAndParsesOptions() {
        assertThat(app.as(ALICE).run("/capstan demo echo hello --shout").text()).isEqualTo("HELLO");
    }

    @Test
    void optionsOfOneRunDoNotCarryOverToTheNext() {
        for (int i = 0; i < 20; i++) {
            assertThat(app.as(ALICE).run("/capstan demo echo loud" + i + " --shout").text()).isEqualTo("LOUD" + i);
            assertThat(app.as(ALICE).run("/capstan demo echo quiet" + i).text()).isEqualTo("quiet" + i);
        }
        assertThat(app.as(ALICE).run("/capstan demo echo -h").text()).contains("Usage: /capstan demo echo");
        assertThat(app.as(ALICE).run("/demo echo hi --shuot").text()).contains("Usage: /demo echo");
    }

    @Test
    void aFamilySlashCommandReachesTheFamilyDirectly() {
        assertThat(app.as(ALICE).run("/demo echo \u201Chello there\u201D").text()).isEqualTo("hello there");
    }

    @Test
    void configuredAliasesActAsTheMainCommand() {
        assertThat(app.as(ALICE).run("/ops demo echo hi").text()).isEqualTo("hi");
        assertThat(app.as(ALICE).run("/rocket whoami").text()).contains("UALICE01");
    }

    @Test
    void slackMentionsAreUnwrappedToIds() {
        assertThat(app.as(ALICE).run("/capstan demo echo <@U123ABC|bob> <@W12345678901> <#C99|general> <mailto:a@b.c|a@b.c>").text())
                .isEqualTo("U123ABC|W12345678901|C99|a@b.c");
    }

    @Test
    void anEmDashIsReadAsTwoDashes() {
        assertThat(app.as(ALICE).run("/capstan demo echo hi \u2014shout").text()).isEqualTo("HI");
    }

    @Test
    void anUnbalancedQuoteIsReportedNotSwallowed() {
        SlashReply reply = app.as(ALICE).run("/capstan demo echo \"hello");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("Unbalanced double quote");
    }

    @Test
    void anUnknownFamilyGetsDidYouMean() {
        assertThat(app.as(ALICE).run("/capstan whomai").text()).contains("I don't know `whomai`").contains("Did you mean `whoami`");
    }

    @Test
    void anUnknownSubcommandGetsDidYouMean() {
        assertThat(app.as(ALICE).run("/capstan demo ecko hi").text()).contains("is not a command").contains("`echo`");
    }

    @Test
    void didYouMeanSuggestsOnlyWhatTheCallerMayRun() {
        assertThat(app.as(BOB).run("/capstan audi").text()).contains("I don't know `audi`").doesNotContain("`audit`");
        assertThat(app.as(ADMIN).run("/capstan audi").text()).contains("Did you mean `audit`");
        assertThat(app.as(BOB).run("/capstan demo secre").text()).contains("is not a command").doesNotContain("`secret`");
        assertThat(app.as(ADMIN).run("/capstan demo secre").text()).contains("`secret`");
    }

    @Test
    void aWrongOptionGetsTheUsageAndWhatWasWrong() {
        String text = app.as(ALICE).run("/capstan demo echo hi --shuot").text();
        assertThat(text).contains("Unknown option: '--shuot'").contains("--shout").contains("Usage:");
    }

    @Test
    void aMissingArgumentGetsTheUsage() {
        String text = app.as(ALICE).run("/capstan demo echo").text();
        assertThat(text).contains("Missing required parameter").contains("Usage:");
    }

    @Test
    void aMemberIsToldWhichRoleAnAdminCommandNeeds() {
        String text = app.as(BOB).run("/capstan audit").text();
        assertThat(text).contains("You can't run `/capstan audit`").contains("needs role admin").contains("you are member");
    }

    @Test
    void anAccessRuleCanAllowAUserByName() {
        assertThat(app.as(ALICE).run("/capstan demo secret").text()).isEqualTo("the admin secret");
        assertThat(app.as(BOB).run("/capstan demo secret").text()).contains("needs role admin");
    }

    @Test
    void anAccessRuleCanDenyAChannel() {
        assertThat(app.as(ALICE).in("CLOCKED").run("/capstan demo echo hi").text()).contains("denies it in this channel");
    }

    @Test
    void accessCheckExplainsADecision() {
        String text = app.as(ADMIN).run("/capstan access check <@UALICE01|alice> demo secret").text();
        assertThat(text).contains("*may*").contains("allows you by name");
        String denied = app.as(ADMIN).run("/capstan access check W0BOB0000001 audit").text();
        assertThat(denied).contains("*may not*").contains("needs role admin");
    }

    @Test
    void accessListsCommandsAndRules() {
        String text = app.as(ADMIN).run("/capstan access").text();
        assertThat(text).contains("`demo secret` admin").contains("`demo slow` member (slow)").contains("never in <#CLOCKED>");
    }

    @Test
    void auditShowsTheLatestInvocationsNewestFirst() {
        app.as(BOB).run("/capstan demo echo first-" + System.nanoTime());
        app.as(BOB).run("/capstan demo echo second");
        String text = app.as(ADMIN).run("/capstan audit --user " + BOB + " --limit 2").text();
        assertThat(text.indexOf("second")).isGreaterThan(0).isLessThan(text.indexOf("first-"));
        assertThat(text).contains("allowed · ok");
    }

    @Test
    void auditRecordsDenialsAndBadInput() {
        app.as(BOB).run("/capstan demo secret");
        String text = app.as(ADMIN).run("/capstan audit --command \"demo secret\" --limit 5").text();
        assertThat(text).contains("denied: the command needs role admin");
    }

    @Test
    void auditRejectsAnOutOfRangeLimit() {
        assertThat(app.as(ADMIN).run("/capstan audit --limit 0").text()).contains("between 1 and 100");
    }

    @Test
    void aBugGetsAFriendlyReplyWithAReferenceAndNoInternals() {
        SlashReply reply = app.as(ALICE).run("/capstan demo boom");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("Something went wrong").contains("reference").doesNotContain("xoxb").doesNotContain("Exception");
    }

    @Test
    void aSlowCommandAcksAtOnceAndRepliesThroughTheResponseUrl() {
        SlashReply reply = app.as(ALICE).run("/capstan demo slow build-42");
        assertThat(reply.text()).contains("Working on `/capstan demo slow`");
        List<FakeSlack.HookPost> posts = app.slack().awaitPosts(reply.responseUrl(), 1);
        assertThat(posts.get(0).text()).isEqualTo("slow done: build-42");
        String audit = app.as(ADMIN).run("/capstan audit --command \"demo slow\" --limit 1").text();
        assertThat(audit).contains("allowed · ok").contains("job `");
    }

    @Test
    void slowCommandsAckedAtTheSameTimeEachGetTheirOwnReplyAndAuditEntry() {
        int burst = 8;
        List<SlashReply> acks = Simultaneously.run(burst, i -> app.as(ALICE).run("/capstan demo slow burst-" + i));
        for (int i = 0; i < burst; i++) {
            assertThat(acks.get(i).text()).contains("Working on `/capstan demo slow`");
            assertThat(app.slack().awaitPosts(acks.get(i).responseUrl(), 1)).extracting(FakeSlack.HookPost::text)
                    .containsExactly("slow done: burst-" + i);
        }
        String audit = app.as(ADMIN).run("/capstan audit --user " + ALICE + " --command \"demo slow\" --limit 20").text();
        for (int i = 0; i < burst; i++) {
            String command = "demo slow burst-" + i + "` → allowed · ok";
            assertThat(audit.lines().filter(line -> line.contains(command)).distinct()).as("entries of burst-" + i).hasSize(1);
        }
    }

    @Test
    void aTransientFailureIsRetriedWithBackoff() {
        SlashReply reply = app.as(ALICE).run("/capstan demo flaky");
        List<FakeSlack.HookPost> posts = app.slack().awaitPosts(reply.responseUrl(), 1);
        assertThat(posts.get(0).text()).isEqualTo("flaky worked after 3 attempts");
    }

    @Test
    void anExpiredResponseUrlFallsBackToADirectMessage() {
        app.slack().expireNextResponseUrl();
        app.as(BOB).run("/capstan demo slow late");
        List<FakeSlack.ApiCall> dms = app.slack().awaitMessages(c -> BOB.equals(c.arg("channel"))
                && "slow done: late".equals(c.arg("text")), 1);
        assertThat(dms).hasSize(1);
    }

    @Test
    void aReplyLongerThanFiftyBlocksIsSplitAcrossMessages() {
        SlashReply reply = app.as(ALICE).run("/capstan demo long 120");
        assertThat(reply.json().path("blocks").size()).isEqualTo(50);
        List<FakeSlack.HookPost> rest = app.slack().awaitPosts(reply.responseUrl(), 2);
        assertThat(rest.get(0).body().path("blocks").size()).isEqualTo(50);
        assertThat(rest.get(1).body().path("blocks").size()).isEqualTo(20);
        assertThat(rest.get(1).allText()).contains("line 120");
    }

    @Test
    void aConfirmationRunsOnceForItsOwnerOnly() {
        int before = demo.deletions.get();
        SlashReply ask = app.as(ALICE).run("/capstan demo danger prod-db");
        assertThat(ask.text()).contains("Really delete prod-db?").contains("Only <@UALICE01> can confirm");

        SlashReply intruder = app.as(BOB).click(ask.button("Confirm"));
        assertThat(intruder.status()).isEqualTo(200);
        assertThat(app.slack().awaitPosts(intruder.responseUrl(), 1).get(0).text()).contains("Only <@UALICE01> can answer");
        assertThat(demo.deletions.get()).isEqualTo(before);

        SlashReply confirm = app.as(ALICE).click(ask.button("Confirm"));
        FakeSlack.HookPost outcome = app.slack().awaitPosts(confirm.responseUrl(), 1).get(0);
        assertThat(outcome.text()).isEqualTo("Deleted prod-db.");
        assertThat(outcome.body().path("replace_original").asBoolean()).isTrue();

        SlashReply again = app.as(ALICE).click(ask.button("Confirm"));
        assertThat(app.slack().awaitPosts(again.responseUrl(), 1).get(0).text()).contains("already confirmed");
        assertThat(demo.deletions.get()).isEqualTo(before + 1);
    }

    @Test
    void cancellingAConfirmationDoesNothing() {
        int before = demo.deletions.get();
        SlashReply ask = app.as(ALICE).run("/capstan demo danger staging");
        SlashReply cancel = app.as(ALICE).click(ask.button("Cancel"));
        assertThat(app.slack().awaitPosts(cancel.responseUrl(), 1).get(0).text()).contains("Cancelled");
        SlashReply late = app.as(ALICE).click(ask.button("Confirm"));
        assertThat(app.slack().awaitPosts(late.responseUrl(), 1).get(0).text()).contains("already cancelled");
        assertThat(demo.deletions.get()).isEqualTo(before);
    }

    @Test
    void requestsWithoutAValidSignatureAreRefusedAndLeaveNoTrace() {
        String marker = "marker" + System.nanoTime();
        String body = "command=%2Fcapstan&text=demo+echo+" + marker + "&user_id=UALICE01&channel_id=CGENERAL";
        long now = app.clock().instant().getEpochSecond();
        String good = signature(now, body);
        Map<String, String> unsigned = Map.of();
        Map<String, String> wrong = Map.of("X-Slack-Request-Timestamp", Long.toString(now), "X-Slack-Signature", "v0=" + "0".repeat(64));
        Map<String, String> stale = Map.of("X-Slack-Request-Timestamp", Long.toString(now - 301), "X-Slack-Signature", signature(now - 301, body));
        Map<String, String> future = Map.of("X-Slack-Request-Timestamp", Long.toString(now + 301), "X-Slack-Signature", signature(now + 301, body));
        Map<String, String> tampered = Map.of("X-Slack-Request-Timestamp", Long.toString(now), "X-Slack-Signature", good);
        for (String path : List.of("/slack/commands", "/slack/interactive", "/slack/events")) {
            for (Map<String, String> headers : List.of(unsigned, wrong, stale, future)) {
                assertThat(app.rawPost(path, body, "application/x-www-form-urlencoded", headers).status()).as(path + headers).isEqualTo(401);
            }
            assertThat(app.rawPost(path, body + "x", "application/x-www-form-urlencoded", tampered).status()).isEqualTo(401);
        }
        assertThat(app.as(ADMIN).run("/capstan audit --limit 100").text()).doesNotContain(marker);
    }

    @Test
    void aSignatureJustInsideTheWindowIsAccepted() {
        String body = "command=%2Fcapstan&text=demo+echo+inside&user_id=UALICE01&channel_id=CGENERAL&response_url=";
        long ts = app.clock().instant().getEpochSecond() - 299;
        SlashReply reply = app.rawPost("/slack/commands", body, "application/x-www-form-urlencoded",
                Map.of("X-Slack-Request-Timestamp", Long.toString(ts), "X-Slack-Signature", signature(ts, body)));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).isEqualTo("inside");
    }

    @Test
    void urlVerificationAnswersTheChallenge() {
        SlashReply reply = app.signedPost("/slack/events", "{\"type\":\"url_verification\",\"challenge\":\"abc123\",\"token\":\"x\"}",
                "application/json", Map.of(), null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("challenge").asText()).isEqualTo("abc123");
    }

    @Test
    void anEventIsHandledOnceEvenWhenSlackRetriesIt() {
        String user = "UNEW" + (System.nanoTime() % 100000);
        ObjectNode event = JSON.createObjectNode().put("type", "team_join");
        event.putObject("user").put("id", user);
        String eventId = "Ev" + System.nanoTime();
        assertThat(SlackUser.event(app, eventId, event, Map.of()).status()).isEqualTo(200);
        assertThat(SlackUser.event(app, eventId, event, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")).status())
                .isEqualTo(200);
        assertThat(SlackUser.event(app, eventId, event, Map.of()).status()).isEqualTo(200);
        assertThat(demo.joined.stream().filter(user::equals)).hasSize(1);
    }

    @Test
    void eventsNobodySubscribedToAreStillAcknowledged() {
        ObjectNode event = JSON.createObjectNode().put("type", "reaction_added").put("user", ALICE);
        assertThat(SlackUser.event(app, "Ev" + System.nanoTime(), event, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownButtonIsAckedAndItsClickerToldThatItNoLongerWorks() {
        SlashReply reply = app.as(ALICE).click(new SlashReply.Button("some.old.button", "x", "Open"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(app.slack().awaitPosts(reply.responseUrl(), 1).get(0).text()).contains("This button no longer works");
        assertThat(app.as(ADMIN).run("/capstan audit --kind click --user UALICE01").text())
                .contains("click <@UALICE01> `some.old.button x` → click · unknown action");
    }

    @Test
    void anUnknownFormAnswersWithAnErrorViewAndSavesNothing() {
        SlashReply reply = app.as(ALICE).submit("some.old.form", null, ModalInputs.of());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("response_action").asText()).isEqualTo("update");
        assertThat(reply.json().path("view").path("blocks").get(0).path("text").path("text").asText())
                .contains("This form no longer works").contains("nothing was saved");
        assertThat(app.as(ADMIN).run("/capstan audit --kind submission --user UALICE01").text()).contains("unknown form");
    }

    @Test
    void directMessagesWaitOutSlackRateLimits() {
        app.slack().scriptNext("chat.postMessage", new FakeSlack.Scripted(429, Map.of("Retry-After", "1"), "{\"ok\":false,\"error\":\"ratelimited\"}"));
        app.slack().expireNextResponseUrl();
        app.as(BOB).run("/capstan demo slow ratelimited");
        List<FakeSlack.ApiCall> delivered = app.slack().awaitMessages(c -> "slow done: ratelimited".equals(c.arg("text")), 2);
        assertThat(delivered).hasSize(2);
    }

    @Test
    void healthReadinessAndMetricsAreServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/healthz", "/readyz", "/metrics")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        String metrics = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("capstan_http_requests_seconds_count");
    }

    private static String signature(long timestamp, String body) {
        return "v0=" + Hmac.sha256Hex(TestApp.SIGNING_SECRET, "v0:" + timestamp + ":" + body);
    }

    @Test
    void pingAnswersAtOnceAndPingJobAnswersFromAWorker() {
        assertThat(app.as(ALICE).run("/capstan ping").text()).contains("pong");
        SlashReply reply = app.as(ALICE).run("/capstan ping job");
        assertThat(reply.text()).contains("Working on `/capstan ping job`");
        assertThat(app.slack().awaitPosts(reply.responseUrl(), 1).get(0).text()).contains("pong from a job worker");
    }

    @Test
    void aCommandThatOverrunsTheAckBudgetIsAckedInTimeAndAnswersLater() {
        long started = System.nanoTime();
        SlashReply reply = app.as(ALICE).run("/capstan demo sleepy");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(reply.text()).contains("Still working on it");
        assertThat(app.slack().awaitPosts(reply.responseUrl(), 1).get(0).text()).isEqualTo("finally awake");
    }

    @Test
    void confirmationClicksAreAudited() {
        SlashReply ask = app.as(ALICE).run("/capstan demo danger audit-me");
        app.slack().awaitPosts(app.as(ALICE).click(ask.button("Confirm")).responseUrl(), 1);
        String audit = app.as(ADMIN).run("/capstan audit --user UALICE01 --limit 3").text();
        assertThat(audit).contains("[Confirm] Really delete audit-me?").contains("confirm · Deleted audit-me.");
    }

    @Test
    void anExpiredConfirmationSaysSoAndDoesNothing() {
        int before = demo.deletions.get();
        SlashReply ask = app.as(ALICE).run("/capstan demo danger old-backups");
        app.clock().advance(Duration.ofMinutes(16));
        try {
            SlashReply late = app.as(ALICE).click(ask.button("Confirm"));
            FakeSlack.HookPost answer = app.slack().awaitPosts(late.responseUrl(), 1).get(0);
            assertThat(answer.text()).contains("expired").contains("nothing was done");
            assertThat(answer.body().path("replace_original").asBoolean()).isTrue();
        } finally {
            app.clock().advance(Duration.ofMinutes(-16));
        }
        assertThat(demo.deletions.get()).isEqualTo(before);
    }

    @Test
    void aSlowConfirmedActionRetriesATransientFailureAndReplacesTheQuestionWithTheOutcome() {
        demo.migrationAttempts.set(0);
        SlashReply ask = app.as(ALICE).run("/capstan demo migrate the-wiki");
        SlashReply click = app.as(ALICE).click(ask.button("Confirm"));
        List<FakeSlack.HookPost> posts = app.slack().awaitPosts(click.responseUrl(), 2);
        assertThat(posts.get(0).text()).contains("Working on it");
        assertThat(posts.get(1).text()).isEqualTo("Migrated the-wiki after 3 attempts.");
        assertThat(posts.get(1).body().path("replace_original").asBoolean()).isTrue();
    }

    @Test
    void aSlowConfirmedActionThatNeverWorksTellsItsOwnerThatItGaveUp() {
        demo.doomedAttempts.set(0);
        SlashReply ask = app.as(ALICE).run("/capstan demo doom the-archive");
        SlashReply click = app.as(ALICE).click(ask.button("Confirm"));
        List<FakeSlack.HookPost> posts = app.slack().awaitPosts(click.responseUrl(), 2);
        assertThat(posts.get(1).text()).contains("I gave up on").contains("upstream 503 (after 4 attempts)")
                .contains("Really migrate the-archive to nowhere?");
        assertThat(demo.doomedAttempts.get()).isEqualTo(4);
    }

    @Test
    void aSlowConfirmedActionRepliesByDirectMessageOnceTheClicksResponseUrlHasExpired() {
        demo.migrationAttempts.set(2);
        SlashReply question = app.as(BOB).run("/capstan demo migrate the-blog");
        app.slack().expireNextResponseUrl();
        SlashReply click = app.as(BOB).click(question.button("Confirm"));
        assertThat(click.status()).isEqualTo(200);
        assertThat(app.slack().awaitDms(BOB, 2)).extracting(call -> call.arg("text"))
                .contains("Migrated the-blog after 3 attempts.");
    }

    @Test
    void aClickHandlerThatFailsTellsTheClickerInsteadOfStayingSilent() {
        SlashReply click = app.as(ALICE).click(new SlashReply.Button("demo.explode", "now", "Explode"));
        assertThat(click.status()).isEqualTo(200);
        String answer = app.slack().awaitPosts(click.responseUrl(), 1).get(0).text();
        assertThat(answer).contains("That click did not work").contains("reference").doesNotContain("a bug in");
    }

    @Test
    void aModalSubmissionThatFailsShowsTheFailureInTheModal() throws Exception {
        SlashReply reply = app.as(ALICE).submit("demo.broken", "", ModalInputs.of().text("summary", "hello"));
        assertThat(reply.status()).isEqualTo(200);
        var ack = JSON.readTree(reply.body());
        assertThat(ack.path("response_action").asText()).isEqualTo("update");
        assertThat(ack.path("view").toString()).contains("nothing was saved").doesNotContain("a bug in");
    }

    @Test
    void anEventWhoseHandlerOverrunsTheAckBudgetIsStillAckedInTime() {
        ObjectNode event = JSON.createObjectNode().put("type", "app_mention").put("user", ALICE).put("text", "hi");
        long started = System.nanoTime();
        SlashReply ack = SlackUser.event(app, "Ev0SLOW0001", event, Map.of());
        assertThat(ack.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
}
