package dev.capstan.support;

import dev.capstan.store.Database;
import dev.capstan.store.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Fresh databases for tests: in-memory H2, or a new database in one real embedded PostgreSQL shared by every test of the
 * JVM. Each PostgreSQL database is copied from a template that already holds the platform's migrations, so Flyway only
 * applies the families' own when an app starts.
 */
public final class TestDatabases {
    /** Which database engine a test runs on. */
    public enum Kind { H2, POSTGRES }

    /** The template every PostgreSQL test database is copied from: the platform's migrations, applied once per JVM. */
    static final String TEMPLATE = "capstan_migrated";

    private static final Path SHELL = Path.of("/bin/sh");
    /** Waits up to a minute for the server's pid file to go, then removes its folder ($1). */
    private static final String REMOVE_ONCE_STOPPED =
            "for i in $(seq 600); do [ -e \"$1/postmaster.pid\" ] || break; sleep 0.1; done; rm -rf \"$1\"";

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static String freshUrl(Kind kind) {
        String name = "capstan_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind == Kind.H2) return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        EmbeddedPostgres pg = postgres();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name + " template " + TEMPLATE);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create a PostgreSQL test database", e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    /**
     * One server for the whole suite, without flushing to disk: a test database is thrown away with the server, and
     * PostgreSQL 14 flushes every file of a database copied from the template (820 ms a copy here with fsync, 240 without).
     */
    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = removedInTheBackground(EmbeddedPostgres.builder()).setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off").start();
            } catch (IOException e) {
                throw new IllegalStateException("Embedded PostgreSQL did not start", e);
            }
            migrateTemplate(postgres);
        }
        return postgres;
    }

    /**
     * Where a shell can, has the server's data folder (a gigabyte of copied databases by the suite's end) removed by a
     * process of its own once the server has stopped, so the JVM exits at once: removing it before exiting took the
     * suite 7 s of wall time. Embedded PostgreSQL's own shutdown hook stops the server either way.
     */
    private static EmbeddedPostgres.Builder removedInTheBackground(EmbeddedPostgres.Builder builder) throws IOException {
        if (!Files.isExecutable(SHELL)) return builder;
        Path folder = Files.createTempDirectory("capstan-test-pg");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                new ProcessBuilder(SHELL.toString(), "-c", REMOVE_ONCE_STOPPED, "remove", folder.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException ignored) {
                // the folder stays in the temporary directory, as any test's leftovers would
            }
        }));
        return builder.setDataDirectory(folder).setCleanDataDirectory(false);
    }

    /** Creates the template and applies the platform's migrations to it; its connections are closed before any copy. */
    private static void migrateTemplate(EmbeddedPostgres pg) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + TEMPLATE);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the PostgreSQL template database", e);
        }
        DatabaseUrl url = DatabaseUrl.parse(pg.getJdbcUrl("postgres", TEMPLATE));
        Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password()).locations(Database.PLATFORM_MIGRATIONS)
                .load().migrate();
    }
}
