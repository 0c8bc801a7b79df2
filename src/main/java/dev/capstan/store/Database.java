package dev.capstan.store;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The one database: a pool, the Flyway migrations (the platform's and each family's, same for H2 and PostgreSQL)
 * and JDBI on top. Creating it connects to nothing; {@link #migrate} is the first time the database is reached.
 */
public final class Database implements AutoCloseable {
    public static final String PLATFORM_MIGRATIONS = "classpath:db/platform";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    /** Every version this build's migrations have, once they were applied; null before. */
    private volatile Set<String> migrated;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    }

    /**
     * How long a request waits for a connection before it fails: Hikari's 30 s default outlasts Slack's 3 s, and kept
     * /readyz from answering while the database was away.
     */
    static final java.time.Duration CONNECTION_WAIT = java.time.Duration.ofSeconds(5);

    /** A pool that opens its first connection when it is first used. */
    public static Database create(DatabaseUrl url, int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) dataSource.setUsername(url.user());
        if (url.password() != null) dataSource.setPassword(url.password());
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("capstan");
        dataSource.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        return new Database(dataSource);
    }

    /** Creates and migrates at once: for tools and tests that need the tables right away. */
    public static Database open(DatabaseUrl url, int poolSize, String... familyLocations) {
        Database database = create(url, poolSize);
        try {
            database.migrate(List.of(familyLocations));
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Applies the platform's migrations and those in {@code familyLocations}; each family's only depend on the platform's and its own. */
    public void migrate(List<String> familyLocations) {
        migrate(familyLocations, (location, versions) -> {
        });
    }

    /**
     * Finds the migrations once (from the build's index, else by a classpath scan and a read of the history), hands
     * {@code check} each family location's versions (applied or not) so it can refuse them before anything is applied,
     * then applies them.
     */
    public void migrate(List<String> familyLocations, BiConsumer<String, List<String>> check) {
        List<String> locations = new ArrayList<>(List.of(PLATFORM_MIGRATIONS));
        locations.addAll(familyLocations);
        FluentConfiguration configuration = Flyway.configure().dataSource(dataSource).locations(locations.toArray(String[]::new))
                .outOfOrder(true);
        IndexedMigrations indexed = IndexedMigrations.of(locations, Database.class.getClassLoader());
        if (indexed != null) configuration.resourceProvider(indexed).javaMigrationClassProvider(List::of);
        Flyway configured = configuration.load();
        Map<String, List<String>> found = indexed != null ? indexed.versions() : scanned(configured, locations);
        familyLocations.forEach(location -> check.accept(location, found.getOrDefault(location, List.of())));
        configured.migrate();
        this.migrated = found.values().stream().flatMap(List::stream).collect(Collectors.toUnmodifiableSet());
    }

    /** Each location's versions as Flyway's scan found them: an {@code info()}, which reads the history too. */
    private static Map<String, List<String>> scanned(Flyway flyway, List<String> locations) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (MigrationInfo info : flyway.info().all()) {
            if (info.getVersion() == null || info.getPhysicalLocation() == null || info.getPhysicalLocation().isBlank()) continue;
            String location = locations.stream().filter(l -> holds(l, info.getPhysicalLocation())).findFirst().orElse(PLATFORM_MIGRATIONS);
            found.computeIfAbsent(location, l -> new ArrayList<>()).add(info.getVersion().getVersion());
        }
        return found;
    }

    /** Whether the migration file at {@code physicalLocation} lies right in {@code location} ({@code classpath:db/deploy}). */
    private static boolean holds(String location, String physicalLocation) {
        String folder = location.substring(location.indexOf(':') + 1);
        String path = physicalLocation.replace('\\', '/');
        String parent = path.substring(0, Math.max(0, path.lastIndexOf('/')));
        return parent.equals(folder) || parent.endsWith("/" + folder) || parent.endsWith("!" + folder);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Reachable and fully migrated: what /readyz reports. */
    public boolean ready() {
        Set<String> expected = migrated;
        if (expected == null) return false;
        try {
            Set<String> applied = jdbi.withHandle(h -> h.createQuery(
                    "select \"version\" from \"flyway_schema_history\" where \"success\" and \"version\" is not null")
                    .mapTo(String.class).set());
            return applied.containsAll(expected);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
