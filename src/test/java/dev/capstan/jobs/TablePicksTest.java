package dev.capstan.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.store.AuditStore;
import dev.capstan.store.Database;
import dev.capstan.store.DatabaseUrl;
import dev.capstan.support.Await;
import dev.capstan.support.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a replica locks the jobs it polls two a worker: while one runs, the next waits behind it, so a worker
 * does not idle while the next batch is fetched, and the rest of a burst stays in the table for the other replicas.
 */
class TablePicksTest {
    private static final int WORKERS = 2;
    private static final JobSettings TWO_WORKERS = new JobSettings(Duration.ofMillis(100), Duration.ofMinutes(1), 4, WORKERS, 1,
            Duration.ofMillis(100));
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void onPostgresAReplicaLocksTwoJobsAWorkerOneRunningAndOneWaitingAndLeavesTheRestOfABurst() {
        CountDownLatch release = new CountDownLatch(1);
        Set<String> started = ConcurrentHashMap.newKeySet();
        try (Database db = Database.open(DatabaseUrl.parse(TestDatabases.freshUrl(TestDatabases.Kind.POSTGRES)), 4);
             Jobs jobs = new Jobs(db.dataSource(), db.jdbi(), TWO_WORKERS, new AuditStore(db.jdbi()), new SimpleMeterRegistry(),
                     Clock.systemUTC())) {
            JobType<String> burst = jobs.define("burst", String.class, new JobOptions<>(1, Duration.ofMillis(100),
                    Duration.ofMillis(100), null), run -> {
                started.add(run.data());
                release.await();
                return JobResult.done();
            });
            jobs.start();
            try {
                for (int i = 0; i < 12; i++) burst.enqueue("job-" + i);

                Await.until(started::size, running -> running == WORKERS, WAIT, "both workers to run a job");
                Await.until(() -> picked(db, true), locked -> locked == 2 * WORKERS, WAIT, "a second job locked behind each running one");
                assertThat(started).hasSize(WORKERS);
                assertThat(picked(db, false)).isEqualTo(12 - 2 * WORKERS);
            } finally {
                release.countDown();
            }
            Await.until(() -> picked(db, true) + picked(db, false), left -> left == 0, WAIT, "the whole burst to run");
            assertThat(started).hasSize(12);
        }
    }

    private static int picked(Database db, boolean picked) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from scheduled_tasks where task_name = 'burst' and picked = :picked")
                .bind("picked", picked).mapTo(Integer.class).one());
    }
}
