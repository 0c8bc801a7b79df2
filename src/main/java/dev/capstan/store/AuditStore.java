package dev.capstan.store;

import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditLog;
import dev.capstan.command.AuditQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** The audit log in the database. */
public final class AuditStore implements AuditLog {
    private static final int MAX_TEXT = 4000;
    private static final int MAX_REASON = 500;
    private static final Pattern BACKSLASHES_BEFORE_U_OR_NUL = Pattern.compile("(\\\\*)([u\\x00])");
    private static final String INSERT = """
            insert into audit_log (at, kind, user_id, channel_id, raw_text, command, family, command_group, decision,
                outcome, outcome_word, duration_ms, job_id)
            values (:at, :kind, :user, :channel, :raw, :command, :family, :group, :decision, :outcome, :word, :duration, :job)""";
    private static final String COMPLETE = """
            update audit_log set outcome = :outcome, outcome_word = :word, duration_ms = duration_ms + :d where id = :id""";

    private final Jdbi jdbi;

    public AuditStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long record(AuditEntry e) {
        return jdbi.withHandle(h -> bind(h.createUpdate(INSERT), e).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** One batch in the caller's transaction when there is one; the ids in the order of the entries. */
    @Override
    public List<Long> recordAll(List<AuditEntry> entries) {
        return jdbi.withHandle(h -> {
            PreparedBatch batch = h.prepareBatch(INSERT);
            for (AuditEntry e : entries) bind(batch, e).add();
            return batch.executePreparedBatch("id").mapTo(Long.class).list();
        });
    }

    /** Writes many entries in one batch and transaction: the background writer's part. */
    void appendAll(List<AuditEntry> entries) {
        // recordAll's jdbi.withHandle is handed this transaction's handle: JDBI reuses the one open on this thread.
        jdbi.useTransaction(transaction -> recordAll(entries));
    }

    private static <S extends SqlStatement<S>> S bind(S statement, AuditEntry e) {
        return statement.bind("at", e.at()).bind("kind", e.kind().label()).bind("user", cut(e.userId(), 32))
                .bind("channel", cut(e.channelId(), 32)).bind("raw", cut(e.rawText(), MAX_TEXT)).bind("command", cut(e.command(), 200))
                .bind("family", words(cut(e.command(), 200), 1)).bind("group", words(cut(e.command(), 200), 2))
                .bind("decision", cut(e.decision(), MAX_REASON)).bind("outcome", cut(e.outcome(), MAX_REASON))
                .bind("word", AuditEntry.outcomeWord(storable(e.outcome())))
                .bind("duration", e.durationMs()).bind("job", cut(e.jobId(), 64));
    }

    @Override
    public void complete(long id, String outcome, long durationMs) {
        jdbi.useHandle(h -> bind(h.createUpdate(COMPLETE), new Outcome(id, outcome, durationMs)).execute());
    }

    /** One batch in the caller's transaction when there is one. */
    @Override
    public void completeAll(List<Outcome> outcomes) {
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch(COMPLETE);
            for (Outcome o : outcomes) bind(batch, o).add();
            batch.execute();
        });
    }

    private static <S extends SqlStatement<S>> S bind(S statement, Outcome o) {
        return statement.bind("outcome", cut(o.outcome(), MAX_REASON)).bind("word", AuditEntry.outcomeWord(storable(o.outcome())))
                .bind("d", o.durationMs()).bind("id", o.id());
    }

    @Override
    public boolean completed(long id) {
        return jdbi.withHandle(h -> h.createQuery("select outcome from audit_log where id = :id").bind("id", id)
                .mapTo(String.class).findOne()).filter(outcome -> !outcome.equals(AuditEntry.QUEUED)).isPresent();
    }

    @Override
    public List<AuditEntry> latest(AuditQuery q) {
        return jdbi.withHandle(h -> h.createQuery(sqlOf(q)).bindMap(bindingsOf(q))
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("user_id"), rs.getString("channel_id"), rs.getString("raw_text"),
                        rs.getString("command"), rs.getString("decision"), rs.getString("outcome"),
                        rs.getLong("duration_ms"), rs.getString("job_id"),
                        AuditEntry.Kind.parse(rs.getString("kind")).orElse(AuditEntry.Kind.COMMAND)))
                .list());
    }

    /**
     * The query of an audit form: newest first, so that each filter reads its index ({@code (user_id, id)},
     * {@code (family, id)}, {@code (command_group, id)}, {@code (kind, id)}, {@code (outcome_word, id)}) backwards and
     * stops after the limit. A one-word {@code --command} is a family, two words a group; longer ones match within their group.
     */
    public static String sqlOf(AuditQuery q) {
        StringBuilder sql = new StringBuilder("""
                select id, at, kind, user_id, channel_id, raw_text, command, decision, outcome, duration_ms, job_id
                from audit_log where 1 = 1""");
        int depth = depth(q);
        if (q.userId() != null) sql.append(" and user_id = :user");
        if (depth == 1) sql.append(" and family = :command");
        if (depth == 2) sql.append(" and command_group = :command");
        if (depth > 2) sql.append(" and command_group = :group and (command = :command or command like :commandPrefix)");
        if (q.kind() != null) sql.append(" and kind = :kind");
        if (q.outcome() != null) sql.append(" and outcome_word = :outcome");
        return sql.append(" order by id desc limit :limit").toString();
    }

    /** The values {@link #sqlOf} binds. */
    public static Map<String, Object> bindingsOf(AuditQuery q) {
        Map<String, Object> values = new HashMap<>();
        values.put("limit", q.limit());
        if (q.userId() != null) values.put("user", q.userId());
        if (depth(q) > 0) values.put("command", q.command());
        if (depth(q) > 2) {
            values.put("group", words(q.command(), 2));
            values.put("commandPrefix", q.command() + " %");
        }
        if (q.kind() != null) values.put("kind", q.kind().label());
        if (q.outcome() != null) values.put("outcome", q.outcome());
        return values;
    }

    private static int depth(AuditQuery q) {
        return q.command() == null ? 0 : q.command().split(" ").length;
    }

    /**
     * The first {@code count} words of a command ("timereport lock" of "timereport lock list"), stored beside it so that
     * {@code audit --command} finds a family or a group of commands through an index instead of a LIKE.
     */
    static String words(String command, int count) {
        if (command == null) return null;
        int end = -1;
        for (int i = 0; i < count; i++) {
            end = command.indexOf(' ', end + 1);
            if (end < 0) return command;
        }
        return command.substring(0, end);
    }

    /** Forgets at most {@code batch} entries older than {@code before}: the retention schedule's part. */
    public int forgetBefore(java.time.Instant before, int batch) {
        return BatchedDelete.olderThan(jdbi, "audit_log", "id", "at", before, batch);
    }

    /** What a column of {@code max} characters takes of the text: {@link #storable}, then cut with "…" when longer. */
    private static String cut(String s, int max) {
        String stored = storable(s);
        return stored == null || stored.length() <= max ? stored : stored.substring(0, max - 1) + "…";
    }

    /**
     * The text as a text column on every database can hold it: PostgreSQL refuses U+0000, so it is written as the six
     * characters <code>&#92;u0000</code>. To keep that unambiguous, each run of backslashes just before a {@code u} or a
     * U+0000 is doubled; all other text is stored as it came. Reading back: an odd run of backslashes before
     * {@code u0000} stands for half of them (rounded down) and a U+0000, an even run before {@code u} for half of them.
     */
    static String storable(String text) {
        if (text == null || (text.indexOf('\\') < 0 && text.indexOf('\0') < 0)) return text;
        Matcher m = BACKSLASHES_BEFORE_U_OR_NUL.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 8);
        while (m.find()) {
            String doubled = m.group(1) + m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2).equals("u") ? doubled + "u" : doubled + "\\u0000"));
        }
        return m.appendTail(out).toString();
    }
}
