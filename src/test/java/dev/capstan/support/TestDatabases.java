package dev.capstan.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.util.UUID;

/** Fresh databases for tests: in-memory H2, or a new database in one real embedded PostgreSQL per test run. */
public final class TestDatabases {
    /** Which database engine a test runs on. */
    public enum Kind { H2, POSTGRES }

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static String freshUrl(Kind kind) {
        String name = "capstan_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind == Kind.H2) return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        EmbeddedPostgres pg = postgres();
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create database " + name);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create a PostgreSQL test database", e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("Embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }));
        }
        return postgres;
    }
}
