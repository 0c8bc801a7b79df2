package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Destination;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.TransientFailure;
import dev.capstan.support.Await;
import dev.capstan.support.JobRows;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A job run again because its replica died before marking it done (its row put back as it was while it ran) repeats
 * nothing that had already happened: no second reply, no second run of the command, no second DM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class RepeatedJobsTest {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static final AtomicReference<Runnable> WHILE_RUNNING = new AtomicReference<>(() -> { });
    @Parameter
    TestDatabases.Kind database;
    TestApp app;

    /** Slow commands that count their runs. */
    static final class Counted implements Feature {
        @Override
        public String name() {
            return "counted";
        }

        @Override
        public void register(FeatureContext context) {
            context.family("counted", "Commands that count how often they ran.").add(Count::new).add(Greet::new);
        }
    }

    @Command(name = "count", description = "Count a run.")
    @CommandInfo(role = Role.MEMBER, slow = true)
    static final class Count implements CapstanCommand {
        @Parameters(paramLabel = "LABEL")
        String label;

        @Override
        public Reply run(CommandContext context) {
            WHILE_RUNNING.get().run();
            return Reply.text(label + " ran " + RUNS.incrementAndGet() + " time(s)");
        }
    }

    @Command(name = "greet", description = "DM someone, then fail the first time.")
    @CommandInfo(role = Role.MEMBER, slow = true)
    static final class Greet implements CapstanCommand {
        @Parameters(paramLabel = "USER")
        String user;

        @Override
        public Reply run(CommandContext context) {
            context.outbox().send(new Destination.DirectMessage(user), Reply.text("hello " + user));
            if (FAILURES_LEFT.getAndDecrement() > 0) throw new TransientFailure("upstream 502", null);
            return Reply.text("greeted " + user);
        }
    }

    @BeforeParameterizedClassInvocation
    void start() {
        app = TestApp.on(database).feature(new Counted()).start();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        app.closeAll();
    }

    @BeforeEach
    void reset() {
        RUNS.set(0);
        WHILE_RUNNING.set(() -> { });
        app.slack().beforeAcceptingPost(() -> { });
    }

    @Test
    void aDeliveryRunAgainAfterSlackAcceptedItsReplySendsNothingTwice() throws Exception {
        AtomicReference<List<JobRows.Row>> inFlight = new AtomicReference<>();
        app.slack().beforeAcceptingPost(() -> inFlight.compareAndSet(null, JobRows.of(app.databaseUrl(), "deliver-reply")));
        SlashReply reply = app.as("UALICE01").run("/capstan counted count first");
        app.slack().awaitPosts(reply.responseUrl(), 1);
        assertThat(inFlight.get()).hasSize(1);
        awaitNoJobs("deliver-reply");
        JobRows.revive(app.databaseUrl(), inFlight.get());
        awaitNoJobs("deliver-reply");
        app.awaitJobsDone();
        assertThat(app.slack().posts(reply.responseUrl())).extracting(p -> p.text()).containsExactly("first ran 1 time(s)");
    }

    @Test
    void aSlowCommandRunAgainAfterItsReplyWasQueuedIsNotRunAgain() throws Exception {
        AtomicReference<List<JobRows.Row>> inFlight = new AtomicReference<>();
        WHILE_RUNNING.set(() -> inFlight.compareAndSet(null, JobRows.of(app.databaseUrl(), "slow-command")));
        SlashReply reply = app.as("UALICE01").run("/capstan counted count second");
        app.slack().awaitPosts(reply.responseUrl(), 1);
        assertThat(inFlight.get()).hasSize(1);
        awaitNoJobs("slow-command");
        JobRows.revive(app.databaseUrl(), inFlight.get());
        awaitNoJobs("slow-command");
        awaitNoJobs("deliver-reply");
        app.awaitJobsDone();
        assertThat(RUNS.get()).isEqualTo(1);
        assertThat(app.slack().posts(reply.responseUrl())).hasSize(1);
    }

    @Test
    void aDirectMessageSentByAJobAttemptThatFailedIsNotSentAgainByTheRetry() throws Exception {
        FAILURES_LEFT.set(1);
        String friend = "UFRIEND" + database.name().charAt(0) + "1";
        SlashReply reply = app.as("UALICE01").run("/capstan counted greet " + friend);
        assertThat(app.slack().awaitPosts(reply.responseUrl(), 1).get(0).text()).isEqualTo("greeted " + friend);
        awaitNoJobs("deliver-reply");
        app.awaitJobsDone();
        assertThat(app.slack().calls("chat.postMessage")).filteredOn(c -> friend.equals(c.arg("channel"))).hasSize(1);
    }

    private void awaitNoJobs(String type) {
        Await.until(() -> JobRows.count(app.databaseUrl(), type), n -> n == 0, Duration.ofSeconds(15), "no " + type + " jobs left");
    }
}
