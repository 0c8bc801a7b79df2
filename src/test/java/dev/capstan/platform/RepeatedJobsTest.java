package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Destination;
import dev.capstan.command.Invocation;
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
 * nothing that had already happened: no second reply, no second run of the command, no second DM. A slow command's reply
 * that Slack refused, or whose replica died before sending it, is sent once without running the command again.
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
            context.family("counted", "Commands that count how often they ran.").add(Count::new).add(Greet::new).add(Later::new);
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

    @Command(name = "later", description = "Queue a second reply to the same response_url.")
    @CommandInfo(role = Role.MEMBER, slow = true)
    static final class Later implements CapstanCommand {
        @Parameters(paramLabel = "LABEL")
        String label;

        @Override
        public Reply run(CommandContext context) {
            Invocation invocation = context.invocation();
            context.outbox().send(new Destination.ResponseUrl(invocation.responseUrl(), invocation.userId(), invocation.receivedAt()),
                    Reply.text(label + " later"));
            return Reply.text(label + " now");
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
        app.slack().beforeAcceptingPost(() -> {
            List<JobRows.Row> picked = JobRows.of(app.databaseUrl(), "deliver-reply").stream().filter(r -> r.version() > 1).toList();
            if (!picked.isEmpty()) inFlight.compareAndSet(null, picked);
        });
        SlashReply reply = app.as("UALICE01").run("/capstan counted later first");
        app.slack().awaitPosts(reply.responseUrl(), 2);
        awaitNoJobs("deliver-reply");
        assertThat(inFlight.get()).hasSize(1);
        JobRows.revive(app.databaseUrl(), inFlight.get());
        awaitNoJobs("deliver-reply");
        app.awaitJobsDone();
        assertThat(app.slack().posts(reply.responseUrl())).extracting(p -> p.text()).containsExactlyInAnyOrder("first later", "first now");
    }

    @Test
    void aReplySlackRefusedIsSentByTheRetryWithoutRunningTheCommandAgain() throws Exception {
        app.slack().failNextPost(() -> { });
        SlashReply reply = app.as("UALICE01").run("/capstan counted count refused");
        assertThat(app.slack().awaitPosts(reply.responseUrl(), 1)).extracting(p -> p.text()).containsExactly("refused ran 1 time(s)");
        awaitNoJobs("slow-command");
        app.awaitJobsDone();
        assertThat(RUNS.get()).isEqualTo(1);
        assertThat(app.slack().posts(reply.responseUrl())).hasSize(1);
        assertThat(JobRows.count(app.databaseUrl(), "deliver-reply")).isZero();
    }

    @Test
    void aSlowCommandWhoseReplicaDiedAfterDecidingItsReplyButBeforeSendingItSendsItOnceAndDoesNotRunAgain() throws Exception {
        AtomicReference<List<JobRows.Row>> decided = new AtomicReference<>();
        app.slack().failNextPost(() -> {
            List<JobRows.Row> rows = JobRows.of(app.databaseUrl(), "slow-command");
            JobRows.delete(app.databaseUrl(), rows);
            decided.set(rows);
        });
        SlashReply reply = app.as("UALICE01").run("/capstan counted count decided");
        Await.until(decided::get, rows -> rows != null, Duration.ofSeconds(15), "the reply to reach Slack and the row to be gone");
        assertThat(decided.get()).hasSize(1);
        assertThat(app.slack().posts(reply.responseUrl())).isEmpty();
        JobRows.revive(app.databaseUrl(), decided.get().stream().map(JobRows.Row::revived).toList());
        assertThat(app.slack().awaitPosts(reply.responseUrl(), 1)).extracting(p -> p.text()).containsExactly("decided ran 1 time(s)");
        awaitNoJobs("slow-command");
        app.awaitJobsDone();
        assertThat(RUNS.get()).isEqualTo(1);
        assertThat(app.slack().posts(reply.responseUrl())).hasSize(1);
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
    void aReplySlackKeepsRefusingIsGivenUpWithoutRunningTheCommandAgainOrTellingOfAFailedCommand() throws Exception {
        AtomicInteger refusals = new AtomicInteger();
        Runnable[] refuseAgain = new Runnable[1];
        refuseAgain[0] = () -> {
            if (refusals.incrementAndGet() < 20) app.slack().failNextPost(refuseAgain[0]);
        };
        app.slack().failNextPost(refuseAgain[0]);
        SlashReply reply = app.as("UALICE01").run("/capstan counted count refused-for-good");
        awaitNoJobs("slow-command");
        app.slack().failNextPost(null);
        app.awaitJobsDone();
        assertThat(refusals.get()).isEqualTo(TestApp.FAST_JOBS.maxRetries() + 1);
        assertThat(RUNS.get()).isEqualTo(1);
        assertThat(app.slack().posts(reply.responseUrl())).isEmpty();
        assertThat(JobRows.count(app.databaseUrl(), "deliver-reply")).isZero();
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
