package dev.capstan.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.TestDatabases;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** A start reads the migrations from the index the build writes: it must name exactly what Flyway's classpath scan finds. */
class IndexedMigrationsTest {

    @Test
    void theBuildsIndexNamesEveryMigrationAClasspathScanFindsWithTheSameContent() {
        try (Database db = Database.create(DatabaseUrl.parse(TestDatabases.freshUrl(TestDatabases.Kind.H2)), 2)) {
            MigrationInfo[] scanned = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db").load().info().all();
            List<String> folders = Arrays.stream(scanned).map(m -> "classpath:db/" + m.getScript().substring(0, m.getScript().indexOf('/')))
                    .distinct().toList();
            IndexedMigrations indexed = IndexedMigrations.of(folders, getClass().getClassLoader());

            MigrationInfo[] fromIndex = Flyway.configure().dataSource(db.dataSource()).locations(folders.toArray(String[]::new))
                    .resourceProvider(indexed).javaMigrationClassProvider(List::of).load().info().all();

            assertThat(folders).contains(Database.PLATFORM_MIGRATIONS, "classpath:db/deploy");
            assertThat(scanned).hasSizeGreaterThan(20);
            assertThat(Arrays.stream(fromIndex).map(IndexedMigrationsTest::identity))
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(scanned).map(IndexedMigrationsTest::identity).toList());
            Map<String, List<String>> scannedVersions = Arrays.stream(scanned).collect(Collectors.groupingBy(
                    m -> "classpath:db/" + m.getScript().substring(0, m.getScript().indexOf('/')), LinkedHashMap::new,
                    Collectors.mapping(m -> m.getVersion().getVersion(), Collectors.toList())));
            assertThat(indexed.versions()).isEqualTo(scannedVersions);
        }
    }

    @Test
    void aLocationTheIndexDoesNotListIsLeftToFlywaysScan() {
        assertThat(IndexedMigrations.of(List.of(Database.PLATFORM_MIGRATIONS, "classpath:db/from-another-jar"), getClass().getClassLoader()))
                .isNull();
        assertThat(IndexedMigrations.of(List.of(Database.PLATFORM_MIGRATIONS, "filesystem:/srv/migrations"), getClass().getClassLoader()))
                .isNull();
        assertThat(IndexedMigrations.of(List.of(Database.PLATFORM_MIGRATIONS), getClass().getClassLoader())).isNotNull();
    }

    @Test
    void aDatabaseMigratedFromTheIndexHasEveryVersionAScanWouldApply() {
        try (Database db = Database.open(DatabaseUrl.parse(TestDatabases.freshUrl(TestDatabases.Kind.H2)), 2, "classpath:db/deploy")) {
            Jdbi jdbi = db.jdbi();
            List<String> applied = jdbi.withHandle(h -> h.createQuery("select \"version\" from \"flyway_schema_history\""
                    + " where \"success\" and \"version\" is not null").mapTo(String.class).list());
            MigrationInfo[] pendingForAScan = Flyway.configure().dataSource(db.dataSource())
                    .locations(Database.PLATFORM_MIGRATIONS, "classpath:db/deploy").outOfOrder(true).load().info().pending();

            assertThat(applied).contains("1", "7", "30", "37");
            assertThat(pendingForAScan).isEmpty();
            assertThat(db.ready()).isTrue();
        }
    }

    private static String identity(MigrationInfo migration) {
        return migration.getVersion() + " " + migration.getDescription() + " " + migration.getChecksum();
    }
}
