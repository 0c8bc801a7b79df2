package dev.capstan.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.store.Database;
import dev.capstan.store.DatabaseUrl;
import dev.capstan.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A finished job's row goes, and only at the version its run picked. */
class JobCompletionsTest {
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void finishedJobsRowsAreRemoved(TestDatabases.Kind kind) {
        try (Database db = Database.open(DatabaseUrl.parse(TestDatabases.freshUrl(kind)), 4)) {
            insert(db.jdbi(), "job-1", 2);
            insert(db.jdbi(), "job-2", 2);
            JobCompletions completions = new JobCompletions(db.jdbi());

            assertThat(completions.complete(row("job-1", 2))).isTrue();
            assertThat(completions.complete(row("job-2", 2))).isTrue();

            assertThat(ids(db.jdbi())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aJobAnotherReplicaTookOverIsLeftToIt(TestDatabases.Kind kind) {
        try (Database db = Database.open(DatabaseUrl.parse(TestDatabases.freshUrl(kind)), 4)) {
            insert(db.jdbi(), "taken-over", 3);
            JobCompletions completions = new JobCompletions(db.jdbi());

            assertThat(completions.complete(row("taken-over", 2))).isFalse();

            assertThat(ids(db.jdbi())).containsExactly("taken-over");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aRowThatRanHereIsPutBackDueLaterForAnyReplicaToPick(TestDatabases.Kind kind) {
        try (Database db = Database.open(DatabaseUrl.parse(TestDatabases.freshUrl(kind)), 4)) {
            insert(db.jdbi(), "again", 2);
            Instant later = Instant.parse("2030-01-01T00:00:00Z");

            assertThat(new JobCompletions(db.jdbi()).reschedule(row("again", 2), later, "{}".getBytes(StandardCharsets.UTF_8))).isTrue();

            List<Object> row = db.jdbi().withHandle(h -> h.createQuery("select picked, picked_by, version, execution_time, task_data"
                    + " from scheduled_tasks where task_instance = 'again'").map((rs, ctx) -> List.<Object>of(rs.getBoolean(1),
                    String.valueOf(rs.getString(2)), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                    new String(rs.getBytes(5), StandardCharsets.UTF_8))).one());
            assertThat(row).containsExactly(false, "null", 3L, later, "{}");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aRowAnotherReplicaTookOverIsNotPutBack(TestDatabases.Kind kind) {
        try (Database db = Database.open(DatabaseUrl.parse(TestDatabases.freshUrl(kind)), 4)) {
            insert(db.jdbi(), "taken-over", 3);

            assertThat(new JobCompletions(db.jdbi()).reschedule(row("taken-over", 2), Instant.now(), new byte[0])).isFalse();

            long version = db.jdbi().withHandle(h -> h.createQuery("select version from scheduled_tasks where task_instance = 'taken-over'")
                    .mapTo(Long.class).one());
            assertThat(version).isEqualTo(3L);
        }
    }

    private static JobScope.Row row(String id, long version) {
        return new JobScope.Row(JobSchedulers.SOON_TABLE, "finishing", id, version, null);
    }

    private static void insert(Jdbi jdbi, String id, long version) {
        jdbi.useHandle(h -> h.createUpdate("insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, "
                        + "version, priority) values ('finishing', :id, null, :at, true, :version, 0)")
                .bind("id", id).bind("at", Timestamp.from(Instant.now())).bind("version", version).execute());
    }

    private static List<String> ids(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("select task_instance from scheduled_tasks where task_name = 'finishing'")
                .mapTo(String.class).list());
    }
}
