package dev.capstan.store;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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
    private volatile Flyway flyway;

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
        List<String> locations = new ArrayList<>(List.of(PLATFORM_MIGRATIONS));
        locations.addAll(familyLocations);
        Flyway configured = Flyway.configure().dataSource(dataSource).locations(locations.toArray(String[]::new))
                .outOfOrder(true).load();
        configured.migrate();
        this.flyway = configured;
    }

    /** The versions of the migrations found at {@code location}, applied or not. */
    public List<String> versionsAt(String location) {
        List<String> versions = new ArrayList<>();
        for (var info : Flyway.configure().dataSource(dataSource).locations(location).load().info().all()) {
            if (info.getVersion() != null && info.getPhysicalLocation() != null && !info.getPhysicalLocation().isBlank()) {
                versions.add(info.getVersion().getVersion());
            }
        }
        return versions;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Reachable and fully migrated: what /readyz reports. */
    public boolean ready() {
        Flyway current = flyway;
        if (current == null) return false;
        try {
            jdbi.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
            return current.info().pending().length == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
