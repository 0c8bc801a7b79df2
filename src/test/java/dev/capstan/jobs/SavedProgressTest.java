package dev.capstan.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.store.Database;
import dev.capstan.store.DatabaseUrl;
import dev.capstan.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Workers that decided at the same time save their jobs' data in one batch. Each run finds what it saved once the
 * transaction commits; a row another replica took over meanwhile fails the whole batch, so none of it is saved.
 */
class SavedProgressTest {
    private static final JobJson JSON = new JobJson();
    private static final Instant ENQUEUED = Instant.parse("2026-12-07T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "postgres with rewritten batches"})
    void runsSavedTogetherFindTheirNewDataOnceTheTransactionCommits(String database) {
        try (Database db = Database.open(DatabaseUrl.parse(url(database)), 4)) {
            JobType<String> type = runningRowsAt(db, 2, 2);
            JobScope a = scope("a");
            JobScope b = scope("b");

            db.jdbi().useTransaction(h -> {
                type.saveAll(decided(a, b));
                assertThat(a.saved()).isNull();
            });

            assertThat(data(db, "a")).contains("a decided");
            assertThat(data(db, "b")).contains("b decided");
            assertThat(a.saved().data().asText()).isEqualTo("a decided");
            assertThat(b.saved().data().asText()).isEqualTo("b decided");
            assertThat(b.saved().firstEnqueuedAt()).isEqualTo(ENQUEUED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "postgres with rewritten batches"})
    void aRowAnotherReplicaTookOverFailsTheWholeBatchAndNoRowIsSaved(String database) {
        try (Database db = Database.open(DatabaseUrl.parse(url(database)), 4)) {
            JobType<String> type = runningRowsAt(db, 2, 3);
            JobScope a = scope("a");

            assertThatThrownBy(() -> db.jdbi().useTransaction(h -> type.saveAll(decided(a, scope("b")))))
                    .hasMessageContaining("b was taken over by another replica");

            assertThat(data(db, "a")).doesNotContain("decided");
            assertThat(data(db, "b")).doesNotContain("decided");
            assertThat(a.saved()).isNull();
        }
    }

    /** Rows "a" and "b" running at these versions, and the type whose runs save them. */
    private static JobType<String> runningRowsAt(Database db, long versionOfA, long versionOfB) {
        insert(db, "a", versionOfA);
        insert(db, "b", versionOfB);
        JobEnqueuer enqueuer = new JobEnqueuer(db.jdbi(), Clock.systemUTC(), new JobKeys(db.jdbi()), JSON, () -> { },
                new LocalRuns(db.jdbi(), JSON, JobSettings.defaults()));
        return new JobType<>("saving", String.class, new JobOptions<>(1, Duration.ofMillis(100), Duration.ofMillis(100), null), enqueuer);
    }

    /** The scope of a run that picked its row at version 2. */
    private static JobScope scope(String id) {
        return JobScope.of("saving/" + id + "/run-1", new JobScope.Row(JobSchedulers.SOON_TABLE, "saving", id, 2,
                new JobEnvelope(1, ENQUEUED, JSON.tree(id), 1)));
    }

    private static List<JobEnqueuer.Progress<String>> decided(JobScope a, JobScope b) {
        return List.of(new JobEnqueuer.Progress<>(a, new JobRun<>("saving", "a", "a", 1, ENQUEUED, true), "a decided"),
                new JobEnqueuer.Progress<>(b, new JobRun<>("saving", "b", "b", 1, ENQUEUED, true), "b decided"));
    }

    private static void insert(Database db, String id, long version) {
        db.jdbi().useHandle(h -> h.createUpdate("insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,"
                        + " picked_by, last_heartbeat, version, priority) values ('saving', :id, :data, :at, true, 'this-replica', :at, :version, 0)")
                .bind("id", id).bind("data", JSON.bytes(1, ENQUEUED, id, 1)).bind("at", Instant.now()).bind("version", version).execute());
    }

    private static String data(Database db, String id) {
        return db.jdbi().withHandle(h -> new String(h.createQuery("select task_data from scheduled_tasks where task_instance = :id")
                .bind("id", id).mapTo(byte[].class).one(), StandardCharsets.UTF_8));
    }

    private static String url(String database) {
        if (database.equals("h2")) return TestDatabases.freshUrl(TestDatabases.Kind.H2);
        String url = TestDatabases.freshUrl(TestDatabases.Kind.POSTGRES);
        if (database.equals("postgres")) return url;
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
}
