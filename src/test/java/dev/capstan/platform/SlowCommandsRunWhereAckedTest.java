package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.support.Await;
import dev.capstan.support.JobRows;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A slow command runs on the replica whose ack queued it: its row is already picked by that replica when the ack
 * arrives, and its heartbeats keep it there while it runs. Slow commands beyond the replica's free workers wait in the
 * table and are picked as usual, so a burst is never held up behind the busy ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class SlowCommandsRunWhereAckedTest {
    private static final AtomicReference<CountDownLatch> GATE = new AtomicReference<>(new CountDownLatch(0));
    private static final ConcurrentHashMap<String, Integer> RUNS = new ConcurrentHashMap<>();
    @Parameter
    TestDatabases.Kind database;
    TestApp app;

    /** A slow command that waits at a gate the test opens. */
    static final class Gated implements Feature {
        @Override
        public String name() {
            return "gated";
        }

        @Override
        public void register(FeatureContext context) {
            context.family("gated", "Slow commands that wait for the test.").add(Wait::new);
        }
    }

    @Command(name = "wait", description = "Wait at the gate.")
    @CommandInfo(role = Role.MEMBER, slow = true)
    static final class Wait implements CapstanCommand {
        @Parameters(paramLabel = "LABEL")
        String label;

        @Override
        public Reply run(CommandContext context) throws Exception {
            RUNS.merge(label, 1, Integer::sum);
            if (!GATE.get().await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the gate stayed shut");
            return Reply.text(label + " went through");
        }
    }

    @BeforeParameterizedClassInvocation
    void start() {
        app = TestApp.on(database).feature(new Gated()).start();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        app.closeAll();
    }

    @AfterEach
    void openTheGate() {
        GATE.get().countDown();
        app.awaitJobsDone();
        RUNS.clear();
    }

    @Test
    void aSlowCommandsRowIsAlreadyPickedByTheReplicaThatAckedItWhenTheAckArrives() {
        GATE.set(new CountDownLatch(1));

        SlashReply reply = app.as("UALICE01").run("/capstan gated wait claimed");

        List<JobRows.Hold> holds = JobRows.holds(app.databaseUrl(), "slow-command");
        assertThat(holds).hasSize(1);
        assertThat(holds.get(0).picked()).isTrue();
        assertThat(holds.get(0).pickedBy()).isNotBlank();
        assertThat(holds.get(0).version()).isEqualTo(2);
        assertThat(holds.get(0).lastHeartbeat()).isNotNull();
        GATE.get().countDown();
        assertThat(app.slack().awaitPosts(reply.responseUrl(), 1)).extracting(p -> p.text()).containsExactly("claimed went through");
        assertThat(RUNS).containsExactly(Map.entry("claimed", 1));
    }

    @Test
    void aSlowCommandStillRunningKeepsItsRowWithHeartbeatsAndRunsOnce() {
        GATE.set(new CountDownLatch(1));
        SlashReply reply = app.as("UALICE01").run("/capstan gated wait long");
        Instant claimedAt = JobRows.holds(app.databaseUrl(), "slow-command").get(0).lastHeartbeat();

        Await.until(() -> JobRows.holds(app.databaseUrl(), "slow-command"),
                holds -> holds.size() == 1 && holds.get(0).lastHeartbeat().isAfter(claimedAt),
                Duration.ofSeconds(15), "a heartbeat after the claim");
        assertThat(JobRows.holds(app.databaseUrl(), "slow-command").get(0).version()).isEqualTo(2);
        GATE.get().countDown();

        assertThat(app.slack().awaitPosts(reply.responseUrl(), 1)).extracting(p -> p.text()).containsExactly("long went through");
        app.awaitJobsDone();
        assertThat(RUNS).containsExactly(Map.entry("long", 1));
        assertThat(app.slack().posts(reply.responseUrl())).hasSize(1);
    }

    @Test
    void slowCommandsBeyondTheReplicasFreeWorkersArePickedFromTheTableWhileTheFirstOnesStillRun() {
        GATE.set(new CountDownLatch(1));
        int burst = TestApp.FAST_JOBS.threads() + 2;
        List<SlashReply> replies = new ArrayList<>();

        for (int i = 0; i < burst; i++) replies.add(app.as("UALICE01").run("/capstan gated wait burst-" + i));

        Await.until(RUNS::size, n -> n == burst, Duration.ofSeconds(15), "every command of the burst to be running at once");
        GATE.get().countDown();
        for (int i = 0; i < burst; i++) {
            assertThat(app.slack().awaitPosts(replies.get(i).responseUrl(), 1)).extracting(p -> p.text())
                    .containsExactly("burst-" + i + " went through");
        }
        app.awaitJobsDone();
        assertThat(RUNS.values()).hasSize(burst).containsOnly(1);
    }
}
