package dev.capstan.bench;

import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditQuery;
import dev.capstan.store.AuditStore;
import dev.capstan.store.Database;
import dev.capstan.store.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times every form of {@code audit} on a PostgreSQL audit log of many rows (5 million by default): loads them with one
 * INSERT … SELECT from generate_series, ANALYZEs, then runs each form through {@link AuditStore} and prints p50/p99 and
 * the plan. Run by hand: {@code bench/audit.sh [rows] [jdbc-url]} (embedded PostgreSQL unless a URL is given; a
 * database that already holds the rows is measured as it is, so that a second run skips the load).
 */
public final class AuditQueryBenchmark {
    private static final int WARMUP = 300;
    private static final int RUNS = 1000;

    private AuditQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        EmbeddedPostgres embedded = args.length > 1 ? null : EmbeddedPostgres.builder().start();
        String url = args.length > 1 ? args[1] : embedded.getJdbcUrl("postgres", "postgres");
        try (Database db = Database.open(DatabaseUrl.parse(url), 4)) {
            db.migrate(List.of());
            long present = db.jdbi().withHandle(h -> h.createQuery("select count(*) from audit_log").mapTo(Long.class).one());
            if (present < rows) {
                long started = System.nanoTime();
                load(db, rows);
                System.out.printf("loaded %,d rows in %d s%n", rows, (System.nanoTime() - started) / 1_000_000_000L);
            } else {
                System.out.printf("reusing the %,d rows already there%n", present);
            }
            AuditStore store = new AuditStore(db.jdbi());
            System.out.println("| form | rows matching | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (Map.Entry<String, AuditQuery> form : forms().entrySet()) measure(db, store, form.getKey(), form.getValue());
        } finally {
            if (embedded != null) embedded.close();
        }
    }

    private static Map<String, AuditQuery> forms() {
        Map<String, AuditQuery> forms = new LinkedHashMap<>();
        forms.put("audit", new AuditQuery(null, null, null, 20));
        forms.put("audit --limit 100", new AuditQuery(null, null, null, 100));
        forms.put("audit --user (busy: 10% of rows)", new AuditQuery("UBUSY0001", null, null, 20));
        forms.put("audit --user (3 rows)", new AuditQuery("URARE0001", null, null, 20));
        forms.put("audit --user (no rows)", new AuditQuery("UNOBODY01", null, null, 20));
        forms.put("audit --command timereport (family)", new AuditQuery(null, "timereport", null, 20));
        forms.put("audit --command \"timereport lock\" (group)", new AuditQuery(null, "timereport lock", null, 20));
        forms.put("audit --command \"timereport lock list\"", new AuditQuery(null, "timereport lock list", null, 20));
        forms.put("audit --command flush (5 rows)", new AuditQuery(null, "flush", null, 20));
        forms.put("audit --command nothing (no rows)", new AuditQuery(null, "nothing", null, 20));
        forms.put("audit --command \"team nothing\" (no rows)", new AuditQuery(null, "team nothing", null, 20));
        forms.put("audit --kind command", new AuditQuery(null, null, AuditEntry.Kind.COMMAND, 20));
        forms.put("audit --kind http (no rows)", new AuditQuery(null, null, AuditEntry.Kind.HTTP, 20));
        forms.put("audit --user busy --command timereport", new AuditQuery("UBUSY0001", "timereport", null, 20));
        forms.put("audit --user busy --command flush (no rows)", new AuditQuery("UBUSY0001", "flush", null, 20));
        forms.put("audit --user busy --kind webhook", new AuditQuery("UBUSY0001", null, AuditEntry.Kind.WEBHOOK, 20));
        forms.put("audit --command team --kind event", new AuditQuery(null, "team", AuditEntry.Kind.EVENT, 20));
        forms.put("audit --outcome refused (no rows)", new AuditQuery(null, null, null, "refused", 20));
        return forms;
    }

    /** Commands as families write them, their kinds, and users: one busy, many ordinary, one rare. */
    private static void load(Database db, long rows) {
        db.jdbi().useHandle(h -> {
            h.execute("""
                    insert into audit_log (at, kind, user_id, channel_id, raw_text, command, family, command_group, decision,
                        outcome, duration_ms, job_id)
                    select now() - make_interval(secs => (:rows - g) * 6), k.kind,
                           case when g % 10 = 0 then 'UBUSY0001' else 'U' || lpad((g % 5000)::text, 8, '0') end,
                           'CGENERAL', '/capstan ' || c.command || ' some text ' || g, c.command,
                           split_part(c.command, ' ', 1),
                           case when c.command like '% % %' then split_part(c.command, ' ', 1) || ' ' || split_part(c.command, ' ', 2)
                                else c.command end,
                           'allowed', 'ok', g % 300, null
                    from generate_series(1, :rows) g
                    cross join lateral (select (array['timereport add', 'timereport list', 'timereport lock', 'timereport lock list',
                        'user view', 'user edit', 'team view', 'team add', 'team create', 'karma give', 'help', 'whoami',
                        'deploy', 'deploy list', 'audit', 'ping'])[1 + (g % 16)::int] as command) c
                    cross join lateral (select (array['command', 'command', 'command', 'command', 'command', 'command', 'command',
                        'command', 'click', 'submission', 'event', 'webhook', 'job'])[1 + (g % 13)::int] as kind) k
                    """.replace(":rows", Long.toString(rows)));
            h.execute("insert into audit_log (at, kind, user_id, raw_text, command, family, command_group, decision, outcome, duration_ms) "
                    + "select now() - make_interval(days => g), 'command', 'URARE0001', 'rare', 'whoami', 'whoami', 'whoami', 'allowed', 'ok', 1 "
                    + "from generate_series(1, 3) g");
            h.execute("insert into audit_log (at, kind, user_id, raw_text, command, family, command_group, decision, outcome, duration_ms) "
                    + "select now() - make_interval(days => g), 'command', 'U00000001', 'flush', 'flush urls', 'flush', 'flush urls', 'allowed', 'ok', 1 "
                    + "from generate_series(1, 5) g");
            h.execute("analyze audit_log");
        });
    }

    private static void measure(Database db, AuditStore store, String name, AuditQuery query) {
        for (int i = 0; i < WARMUP; i++) store.latest(query);
        long[] nanos = new long[RUNS];
        int found = 0;
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            found = store.latest(query).size();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        System.out.printf("| `%s` | %d | %.2f | %.2f | %.2f |%n", name, found, nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6,
                nanos[RUNS - 1] / 1e6);
        List<String> plan = new ArrayList<>(db.jdbi().withHandle(h -> h.createQuery("explain " + AuditStore.sqlOf(query))
                .bindMap(AuditStore.bindingsOf(query)).mapTo(String.class).list()));
        System.err.println(name + "\n  " + String.join("\n  ", plan));
    }
}
