package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Destination;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.slack.SlackWebApi;
import dev.capstan.support.Await;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Slack's refusals are classed once, in the platform: a permanent one stops at once and says what failed; others retry. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermanentFailuresTest {
    private static final String ADMIN = "UADMIN01";
    private TestApp app;

    /** A family whose slow commands call Slack directly or through the outbox. */
    static final class Refusals implements Feature {
        @Override
        public String name() {
            return "refusals";
        }

        @Override
        public void register(FeatureContext context) {
            SlackWebApi slack = context.slack();
            context.family("refusals", "Commands that Slack refuses.")
                    .add(() -> new Post(slack))
                    .add(Dm::new);
        }
    }

    @Command(name = "post", description = "Post to a channel.")
    @CommandInfo(role = Role.MEMBER, slow = true)
    static final class Post implements CapstanCommand {
        private final SlackWebApi slack;
        @Parameters(paramLabel = "CHANNEL")
        String channel;

        Post(SlackWebApi slack) {
            this.slack = slack;
        }

        @Override
        public Reply run(CommandContext context) throws Exception {
            slack.call("chat.postMessage", m -> m.chatPostMessage(r -> r.channel(channel).text("hello")));
            return Reply.text("posted to " + channel);
        }
    }

    @Command(name = "dm", description = "Send someone a DM.")
    @CommandInfo(role = Role.MEMBER, slow = true)
    static final class Dm implements CapstanCommand {
        @Parameters(paramLabel = "USER")
        String user;

        @Override
        public Reply run(CommandContext context) {
            context.outbox().send(new Destination.DirectMessage(user), Reply.text("hello " + user));
            return Reply.text("sent");
        }
    }

    @BeforeAll
    void start() {
        app = TestApp.on(TestDatabases.Kind.H2).admins(ADMIN).feature(new Refusals()).start();
    }

    @AfterAll
    void stop() {
        app.closeAll();
    }

    private static FakeSlack.Scripted refused(String error) {
        return new FakeSlack.Scripted(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}");
    }

    @Test
    void aSlowCommandThatSlackRefusesForGoodFailsAtOnceAndSaysWhatWasRefused() {
        app.slack().scriptNextFor("chat.postMessage", "CNOTIN001", refused("not_in_channel"));
        app.slack().scriptNextFor("chat.postMessage", "CNOTIN001", refused("not_in_channel"));
        SlashReply reply = app.as("UALICE01").run("/capstan refusals post CNOTIN001");
        String answer = app.slack().awaitPosts(reply.responseUrl(), 1).get(0).text();
        assertThat(answer).isEqualTo(":warning: `/capstan refusals post` failed: Slack refused chat.postMessage: not_in_channel.");
        assertThat(app.slack().calls("chat.postMessage")).filteredOn(c -> "CNOTIN001".equals(c.arg("channel"))).hasSize(1);
    }

    @Test
    void aSlowCommandThatSlackRefusesForNowIsRetriedUntilItWorks() {
        app.slack().scriptNextFor("chat.postMessage", "CBUSY0001", refused("internal_error"));
        app.slack().scriptNextFor("chat.postMessage", "CBUSY0001", refused("internal_error"));
        SlashReply reply = app.as("UALICE01").run("/capstan refusals post CBUSY0001");
        assertThat(app.slack().awaitPosts(reply.responseUrl(), 1).get(0).text()).isEqualTo("posted to CBUSY0001");
        assertThat(app.slack().calls("chat.postMessage")).filteredOn(c -> "CBUSY0001".equals(c.arg("channel"))).hasSize(3);
    }

    @Test
    void aDirectMessageToABotIsTriedOnceAndTheJobThatGaveUpSaysWhy() throws Exception {
        for (int i = 0; i < 6; i++) app.slack().scriptNextFor("chat.postMessage", "UBOTUSER1", refused("cannot_dm_bot"));
        SlashReply reply = app.as("UALICE01").run("/capstan refusals dm UBOTUSER1");
        assertThat(app.slack().awaitPosts(reply.responseUrl(), 1).get(0).text()).isEqualTo("sent");
        String audit = Await.until(() -> app.as(ADMIN).run("/capstan audit --kind job --command deliver-reply").text(),
                text -> text.contains("gave up"), Duration.ofSeconds(10), "the delivery job to give up");
        assertThat(audit).contains("gave up: Slack refused chat.postMessage: cannot_dm_bot (after 1 attempt)");
        app.awaitJobsDone();
        assertThat(app.slack().calls("chat.postMessage")).filteredOn(c -> "UBOTUSER1".equals(c.arg("channel"))).hasSize(1);
    }
}
