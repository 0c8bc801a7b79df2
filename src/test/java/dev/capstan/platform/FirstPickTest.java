package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.command.TransientFailure;
import dev.capstan.jobs.JobOptions;
import dev.capstan.jobs.JobResult;
import dev.capstan.jobs.JobType;
import dev.capstan.support.Await;
import dev.capstan.support.JobRows;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * A job is told whether this is its row's first pick, which is what lets a delivery skip looking up what it already sent:
 * only the first run of a new row is; a retry, and a run again after its replica died, are not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class FirstPickTest {
    private static final Map<String, List<Boolean>> FIRST_PICKS = new ConcurrentHashMap<>();
    private static final AtomicReference<List<JobRows.Row>> RUNNING = new AtomicReference<>();
    @Parameter
    TestDatabases.Kind database;
    Probe probe;
    TestApp app;

    /** A family with one job that notes each run's first-pick flag, fails once when its data says so, and can be caught running. */
    static final class Probe implements Feature {
        JobType<String> job;
        String databaseUrl;

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public void register(FeatureContext context) {
            job = context.job("probe.run", String.class, JobOptions.retrying(context.jobSettings(), (run, failure) -> { }), run -> {
                List<Boolean> picks = FIRST_PICKS.computeIfAbsent(run.data(), key -> new CopyOnWriteArrayList<>());
                picks.add(run.firstPick());
                if (run.data().endsWith("fails-once") && picks.size() == 1) throw new TransientFailure("upstream 502", null);
                if (run.data().endsWith("caught-running") && picks.size() == 1) RUNNING.set(JobRows.of(databaseUrl, "probe.run"));
                return JobResult.done();
            });
        }
    }

    @BeforeParameterizedClassInvocation
    void start() {
        probe = new Probe();
        app = TestApp.on(database).feature(probe).start();
        probe.databaseUrl = app.databaseUrl();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        app.closeAll();
    }

    @Test
    void aNewJobsFirstRunIsItsFirstPickAndItsRetryIsNot() {
        String key = database + "-fails-once";
        probe.job.enqueue(key);
        app.awaitJobsDone();
        assertThat(FIRST_PICKS.get(key)).containsExactly(true, false);
    }

    @Test
    void aJobRunAgainAfterItsReplicaDiedIsNotAFirstPick() {
        String key = database + "-caught-running";
        probe.job.enqueue(key);
        app.awaitJobsDone();
        assertThat(RUNNING.get()).hasSize(1);
        JobRows.revive(app.databaseUrl(), RUNNING.get());
        Await.until(() -> FIRST_PICKS.get(key).size(), n -> n == 2, Duration.ofSeconds(15), "the revived job to run");
        app.awaitJobsDone();
        assertThat(FIRST_PICKS.get(key)).containsExactly(true, false);
    }
}
