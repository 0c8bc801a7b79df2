package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** The retention schedule, at its time by Capstan's clock, forgets what is older than each table's retention, and keeps everything younger. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class RetentionTest {
    @Parameter
    TestDatabases.Kind database;
    TestApp app;

    @BeforeParameterizedClassInvocation
    void start() {
        app = TestApp.on(database).yaml("""
                retention:
                  audit: 100d
                  deliveries: 10d
                  schedule: "*/1 * * * * *"
                """).start();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        app.closeAll();
    }

    @Test
    void rowsOlderThanTheirRetentionAreDeletedAndYoungerOnesKept() throws Exception {
        Instant now = app.clock().instant();
        try (Connection c = DriverManager.getConnection(app.databaseUrl())) {
            for (int i = 0; i < 1200; i++) audit(c, now.minus(Duration.ofDays(101)), "old-" + i);
            audit(c, now.minus(Duration.ofDays(99)), "young");
            insert(c, "insert into inbound_deliveries (source, delivery_id, received_at) values ('github', ?, ?)", "old", now.minus(Duration.ofDays(11)));
            insert(c, "insert into inbound_deliveries (source, delivery_id, received_at) values ('github', ?, ?)", "young", now.minus(Duration.ofDays(9)));
            insert(c, "insert into job_keys (task_name, job_key, created_at) values ('x', ?, ?)", "old", now.minus(Duration.ofDays(31)));
            insert(c, "insert into job_keys (task_name, job_key, created_at) values ('x', ?, ?)", "young", now.minus(Duration.ofDays(29)));
            insert(c, "insert into sent_messages (message_key, sent_at) values (?, ?)", "old", now.minus(Duration.ofDays(31)));
            insert(c, "insert into sent_messages (message_key, sent_at) values (?, ?)", "young", now.minus(Duration.ofDays(29)));
            app.clock().advance(Duration.ofSeconds(1));
            app.runDueJobs();
            assertThat(count(c, "select count(*) from audit_log where raw_text like 'old-%'")).isZero();
            assertThat(count(c, "select count(*) from inbound_deliveries where delivery_id = 'old'")).isZero();
            assertThat(count(c, "select count(*) from job_keys where job_key = 'old'")).isZero();
            assertThat(count(c, "select count(*) from sent_messages where message_key = 'old'")).isZero();
            assertThat(count(c, "select count(*) from audit_log where raw_text = 'young'")).isEqualTo(1);
            assertThat(count(c, "select count(*) from inbound_deliveries where delivery_id = 'young'")).isEqualTo(1);
            assertThat(count(c, "select count(*) from job_keys where job_key = 'young'")).isEqualTo(1);
            assertThat(count(c, "select count(*) from sent_messages where message_key = 'young'")).isEqualTo(1);
        }
    }

    private static void audit(Connection c, Instant at, String text) throws Exception {
        try (PreparedStatement s = c.prepareStatement("insert into audit_log (at, kind, user_id, raw_text, decision, outcome, "
                + "duration_ms) values (?, 'command', 'UOLD00001', ?, 'allowed', 'ok', 1)")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, text);
            s.executeUpdate();
        }
    }

    private static void insert(Connection c, String sql, String key, Instant at) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            s.setTimestamp(2, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    private static int count(Connection c, String sql) {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
