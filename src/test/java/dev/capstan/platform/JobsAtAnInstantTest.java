package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.jobs.JobOptions;
import dev.capstan.jobs.JobResult;
import dev.capstan.jobs.JobType;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestClock;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * A job at an instant (a deadline) runs when Capstan's clock reaches it, not the system's: a test moves its clock and
 * runs what is due, which returns once every due job finished, on whichever of two replicas ran it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class JobsAtAnInstantTest {
    private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    @Parameter
    TestDatabases.Kind database;
    final TestClock clock = new TestClock(Instant.parse("2026-03-25T10:00:00Z"));
    Deadline one;
    Deadline other;
    TestApp app;
    TestApp replica;

    /** A family with one deadline job, which counts its runs by key. */
    static final class Deadline implements Feature {
        JobType<String> due;

        @Override
        public String name() {
            return "deadline";
        }

        @Override
        public void register(FeatureContext context) {
            due = context.job("deadline.due", String.class, JobOptions.retrying(context.jobSettings(), (run, failure) -> { }), run -> {
                RUNS.computeIfAbsent(run.data(), key -> new AtomicInteger()).incrementAndGet();
                return JobResult.done();
            });
        }
    }

    @BeforeParameterizedClassInvocation
    void start() {
        one = new Deadline();
        other = new Deadline();
        app = TestApp.on(database).clock(clock).feature(one).start();
        replica = TestApp.on(database).database(app.databaseUrl()).slack(app.slack()).clock(clock).feature(other).start();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        replica.close();
        app.closeAll();
    }

    private int runs(String key) {
        AtomicInteger n = RUNS.get(key);
        return n == null ? 0 : n.get();
    }

    @Test
    void aDeadlineWaitsForCapstansClockAndHasRunWhenRunningWhatIsDueReturns() {
        String key = database + "-ten-minutes";
        one.due.enqueueOnceAt(key, clock.instant().plus(Duration.ofMinutes(10)), key);
        clock.advance(Duration.ofMinutes(9));
        app.runDueJobs();
        assertThat(runs(key)).isZero();
        clock.advance(Duration.ofMinutes(1));
        app.runDueJobs();
        assertThat(runs(key)).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        app.runDueJobs();
        assertThat(runs(key)).isEqualTo(1);
    }

    @Test
    void deadlinesDueTogetherRunOnceEachWhicheverReplicaPicksThemUp() {
        Instant at = clock.instant().plus(Duration.ofMinutes(30));
        for (int i = 0; i < 12; i++) {
            String key = database + "-together-" + i;
            (i % 2 == 0 ? one : other).due.enqueueOnceAt(key, at, key);
        }
        clock.set(at);
        replica.runDueJobs();
        for (int i = 0; i < 12; i++) assertThat(runs(database + "-together-" + i)).as("runs of deadline " + i).isEqualTo(1);
    }
}
