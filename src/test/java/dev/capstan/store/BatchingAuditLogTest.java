package dev.capstan.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.command.AuditEntry;
import dev.capstan.support.TestDatabases;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BatchingAuditLogTest {
    private static AuditEntry entry(String user, int n) {
        return new AuditEntry(0, Instant.now(), user, "C1", "/capstan ping " + n, "ping", "allowed", "ok", 1, null);
    }

    @Test
    void appendedEntriesAreReadBackAtOnceNewestFirst() {
        try (Database db = Database.open(DatabaseUrl.parse(TestDatabases.freshUrl(TestDatabases.Kind.H2)), 4);
             BatchingAuditLog audit = new BatchingAuditLog(new AuditStore(db.jdbi()))) {
            for (int i = 0; i < 1200; i++) audit.append(entry("UAPPEND1", i));
            assertThat(audit.latest("UAPPEND1", null, 2)).extracting(AuditEntry::rawText)
                    .containsExactly("/capstan ping 1199", "/capstan ping 1198");
            assertThat(audit.latest("UAPPEND1", "ping", 100)).hasSize(100);
        }
    }

    @Test
    void closingWritesWhatIsStillQueued() {
        String url = TestDatabases.freshUrl(TestDatabases.Kind.H2);
        try (Database db = Database.open(DatabaseUrl.parse(url), 4)) {
            BatchingAuditLog audit = new BatchingAuditLog(new AuditStore(db.jdbi()));
            for (int i = 0; i < 300; i++) audit.append(entry("UCLOSE01", i));
            audit.close();
            assertThat(new AuditStore(db.jdbi()).latest("UCLOSE01", null, 1000)).hasSize(300);
        }
    }
}
