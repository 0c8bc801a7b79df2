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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jobs queued together in one batch, claimed by the replica writing them, run on it as soon as the batch commits, on
 * every database and driver setting: PostgreSQL's driver with {@code reWriteBatchedInserts} counts no rows of a batch.
 * The heartbeats here are a minute apart, so a row not run at once would wait four minutes to be taken over.
 */
class ClaimedRowsTest {
    private static final JobSettings LATE_TAKE_OVER = new JobSettings(Duration.ofMillis(100), Duration.ofMinutes(1), 4, 4, 1,
            Duration.ofMillis(100));

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "postgres with rewritten batches"})
    void jobsQueuedInOneBatchRunAtOnceOnTheReplicaThatClaimedThem(String database) {
        Set<String> ran = ConcurrentHashMap.newKeySet();
        try (Replica replica = Replica.start(url(database), ran)) {
            replica.db().jdbi().useTransaction(h -> replica.type().enqueueAll(byId("a", "b", "c")));

            Await.until(() -> Set.copyOf(ran), seen -> seen.size() == 3, Duration.ofSeconds(15), "all three jobs to run");
            assertThat(ran).containsExactlyInAnyOrder("a", "b", "c");
            Await.until(() -> ids(replica.db()), List::isEmpty, Duration.ofSeconds(15), "the finished rows to go");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "postgres with rewritten batches"})
    void aJobAnotherReplicaAlreadyHoldsIsLeftToItWhileTheRestOfTheBatchRunsHere(String database) {
        Set<String> ran = ConcurrentHashMap.newKeySet();
        try (Replica replica = Replica.start(url(database), ran)) {
            Database db = replica.db();
            db.jdbi().useHandle(h -> h.createUpdate("insert into scheduled_tasks (task_name, task_instance, task_data, execution_time,"
                            + " picked, picked_by, last_heartbeat, version, priority) values ('claimed', 'b', :data, :at, true,"
                            + " 'another-replica', :at, 2, 0)")
                    .bind("data", new byte[0]).bind("at", Instant.now()).execute());

            db.jdbi().useTransaction(h -> replica.type().enqueueAll(byId("a", "b", "c")));

            Await.until(() -> ids(db), List.of("b")::equals, Duration.ofSeconds(15), "the jobs this replica claimed to run and go");
            assertThat(ran).containsExactlyInAnyOrder("a", "c");
            String holder = db.jdbi().withHandle(h -> h.createQuery("select picked_by from scheduled_tasks where task_instance = 'b'")
                    .mapTo(String.class).one());
            assertThat(holder).isEqualTo("another-replica");
        }
    }

    /** A database and a replica's started jobs, of one type whose runs record their data in {@code ran}. */
    private record Replica(Database db, Jobs jobs, JobType<String> type) implements AutoCloseable {
        static Replica start(String url, Set<String> ran) {
            Database db = Database.open(DatabaseUrl.parse(url), 4);
            Jobs jobs = new Jobs(db.dataSource(), db.jdbi(), LATE_TAKE_OVER, new AuditStore(db.jdbi()), new SimpleMeterRegistry(),
                    Clock.systemUTC());
            JobType<String> type = jobs.define("claimed", String.class, new JobOptions<>(1, Duration.ofMillis(100),
                    Duration.ofMillis(100), null), run -> {
                ran.add(run.data());
                return JobResult.done();
            });
            jobs.start();
            return new Replica(db, jobs, type);
        }

        @Override
        public void close() {
            try {
                jobs.close();
            } finally {
                db.close();
            }
        }
    }

    private static String url(String database) {
        if (database.equals("h2")) return TestDatabases.freshUrl(TestDatabases.Kind.H2);
        String url = TestDatabases.freshUrl(TestDatabases.Kind.POSTGRES);
        if (database.equals("postgres")) return url;
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    private static Map<String, String> byId(String... ids) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (String id : ids) byId.put(id, id);
        return byId;
    }

    private static List<String> ids(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("select task_instance from scheduled_tasks where task_name = 'claimed'"
                + " order by task_instance").mapTo(String.class).list());
    }
}
