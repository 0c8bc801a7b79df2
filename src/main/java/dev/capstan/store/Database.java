package dev.capstan.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The one database: a pool, the Flyway migrations (same for H2 and PostgreSQL) and JDBI on top. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Flyway flyway;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource, Flyway flyway) {
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    }

    public static Database open(DatabaseUrl url, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) config.setUsername(url.user());
        if (url.password() != null) config.setPassword(url.password());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("capstan");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
            flyway.migrate();
            return new Database(dataSource, flyway);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Reachable and fully migrated: what /readyz reports. */
    public boolean ready() {
        try {
            jdbi.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
            return flyway.info().pending().length == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
