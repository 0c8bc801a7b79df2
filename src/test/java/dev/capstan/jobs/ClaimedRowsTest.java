package dev.capstan.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.capstan.store.AuditStore;
import dev.capstan.store.Database;
import dev.capstan.store.DatabaseUrl;
import dev.capstan.support.Await;
import dev.capstan.support.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jobs queued together in one batch, claimed by the replica writing them, run on it as soon as the batch commits, on
 * every database and driver setting: PostgreSQL's driver with {@code reWriteBatchedInserts} counts no rows of a batch.
 * Most replicas here beat a minute apart, so a row not run at once would wait four minutes to be taken over; a row
 * whose replica stopped beating is taken over like any row db-scheduler picked, and a heartbeat never holds one row while
 * it waits for another.
 */
class ClaimedRowsTest {
    private static final JobSettings LATE_TAKE_OVER = new JobSettings(Duration.ofMillis(100), Duration.ofMinutes(1), 4, 4, 1,
            Duration.ofMillis(100));

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "postgres with rewritten batches"})
    void jobsQueuedInOneBatchRunAtOnceOnTheReplicaThatClaimedThem(String database) {
        Set<String> ran = ConcurrentHashMap.newKeySet();
        try (Replica replica = Replica.start(url(database), LATE_TAKE_OVER, recording(ran))) {
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
        try (Replica replica = Replica.start(url(database), LATE_TAKE_OVER, recording(ran))) {
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

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRowClaimedByAReplicaWhoseHeartbeatsStoppedIsTakenOverAndRunByAnother(String database) throws Exception {
        String url = url(database);
        CountDownLatch stuck = new CountDownLatch(1);
        Set<String> ranOnTheFirst = ConcurrentHashMap.newKeySet();
        Set<String> ranOnTheSecond = ConcurrentHashMap.newKeySet();
        JobSettings quickTakeOver = new JobSettings(Duration.ofMillis(100), Duration.ofMillis(200), 4, 4, 1, Duration.ofMillis(100));
        try (Replica first = Replica.start(url, LATE_TAKE_OVER, run -> {
                 ranOnTheFirst.add(run.data());
                 stuck.await(60, TimeUnit.SECONDS);
                 return JobResult.done();
             });
             Replica second = Replica.start(url, quickTakeOver, recording(ranOnTheSecond))) {
            first.db().jdbi().useTransaction(h -> first.type().enqueueAll(byId("orphaned")));
            Await.until(() -> Set.copyOf(ranOnTheFirst), seen -> seen.contains("orphaned"), Duration.ofSeconds(15),
                    "the first replica to run the row it claimed");
            assertThat(ranOnTheSecond).isEmpty();

            first.db().jdbi().useHandle(h -> h.createUpdate("update scheduled_tasks set last_heartbeat = :long_ago"
                    + " where task_instance = 'orphaned'").bind("long_ago", Instant.now().minus(Duration.ofMinutes(10))).execute());

            Await.until(() -> Set.copyOf(ranOnTheSecond), seen -> seen.contains("orphaned"), Duration.ofSeconds(15),
                    "the second replica to take the row over once its heartbeats stopped");
            Await.until(() -> ids(second.db()), List::isEmpty, Duration.ofSeconds(15), "the row the second replica finished to go");
            stuck.countDown();
            first.jobs().close();
            assertThat(ids(second.db())).isEmpty();
            assertThat(ranOnTheSecond).containsExactly("orphaned");
        } finally {
            stuck.countDown();
        }
    }

    /**
     * Another transaction locks one running row, waits until the heartbeat queues behind it, then locks the other, in
     * both orders: the heartbeat holds no row while it waits, so that lock is granted at once. A heartbeat holding it
     * would be a deadlock, which PostgreSQL breaks by dropping the beat.
     */
    @Test
    void aHeartbeatWaitingForOneRunningRowHoldsNoOtherOnPostgres() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Set<String> running = ConcurrentHashMap.newKeySet();
        JobSettings quickBeats = new JobSettings(Duration.ofMillis(100), Duration.ofMillis(300), 10, 4, 1, Duration.ofMillis(100));
        try (Replica replica = Replica.start(url("postgres"), quickBeats, run -> {
            running.add(run.data());
            gate.await(60, TimeUnit.SECONDS);
            return JobResult.done();
        })) {
            replica.db().jdbi().useTransaction(h -> replica.type().enqueueAll(byId("a", "b")));
            Await.until(() -> Set.copyOf(running), seen -> seen.size() == 2, Duration.ofSeconds(15), "both jobs to run here");

            for (List<String> order : List.of(List.of("a", "b"), List.of("b", "a"))) {
                try (Connection other = replica.db().dataSource().getConnection()) {
                    other.setAutoCommit(false);
                    try (Statement statement = other.createStatement()) {
                        statement.execute("set local lock_timeout = '250ms'");
                    }
                    lock(other, order.get(0));
                    Await.until(() -> heartbeatsWaiting(replica.db()), waiting -> waiting > 0, Duration.ofSeconds(15),
                            "a heartbeat to wait for the row locked first");
                    assertThatCode(() -> lock(other, order.get(1))).as("the row locked second, were the waiting heartbeat holding it")
                            .doesNotThrowAnyException();
                    other.commit();
                }
            }
            gate.countDown();
            Await.until(() -> ids(replica.db()), List::isEmpty, Duration.ofSeconds(15), "the finished rows to go");
        } finally {
            gate.countDown();
        }
    }

    private static void lock(Connection connection, String id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update scheduled_tasks set task_data = task_data"
                + " where task_name = 'claimed' and task_instance = ?")) {
            update.setString(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static int heartbeatsWaiting(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from pg_stat_activity where datname = current_database()"
                + " and wait_event_type = 'Lock' and query like 'update scheduled_tasks set last_heartbeat%'").mapTo(Integer.class).one());
    }

    private static JobHandler<String> recording(Set<String> ran) {
        return run -> {
            ran.add(run.data());
            return JobResult.done();
        };
    }

    /** A database and a replica's started jobs, of one type run by {@code handler}. */
    private record Replica(Database db, Jobs jobs, JobType<String> type) implements AutoCloseable {
        static Replica start(String url, JobSettings settings, JobHandler<String> handler) {
            Database db = Database.open(DatabaseUrl.parse(url), 4);
            Jobs jobs = new Jobs(db.dataSource(), db.jdbi(), settings, new AuditStore(db.jdbi()), new SimpleMeterRegistry(),
                    Clock.systemUTC());
            JobType<String> type = jobs.define("claimed", String.class, new JobOptions<>(1, Duration.ofMillis(100),
                    Duration.ofMillis(100), null), handler);
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
