package dev.capstan.features.flush;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The purges asked for and each call's answer, in the database, so any replica can carry on, report and list them. */
final class Purges {
    private static final String COLUMNS = "id, site, kind, mode, targets, requested_by, requested_at, view_id, view_hash, outcome, finished_at";

    /** One call's answer as recorded. */
    record CallRecord(int number, CallOutcome outcome) { }

    private final Jdbi jdbi;

    Purges(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(Purge purge) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into flush_purges (id, site, kind, mode, targets, target_count, requested_by, requested_at, view_id, view_hash)
                        values (:id, :site, :kind, :mode, :targets, :count, :by, :at, :view, :hash)""")
                .bind("id", purge.id()).bind("site", purge.order().site()).bind("kind", purge.order().kind().id())
                .bind("mode", purge.order().mode().id()).bind("targets", String.join("\n", purge.order().targets()))
                .bind("count", purge.order().targets().size()).bind("by", purge.requestedBy())
                .bind("at", Timestamp.from(purge.requestedAt())).bind("view", purge.viewId())
                .bind("hash", purge.viewHash()).execute());
    }

    Optional<Purge> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from flush_purges where id = :id")
                .bind("id", id).map((rs, ctx) -> read(rs)).findOne());
    }

    /** The latest purges, newest first; of the given sites only. */
    List<Purge> recent(List<String> sites, int limit) {
        if (sites.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from flush_purges where site in (<sites>) "
                        + "order by requested_at desc, id limit :limit")
                .bindList("sites", sites).bind("limit", limit).map((rs, ctx) -> read(rs)).list());
    }

    /** This person's latest purges, newest first. */
    List<Purge> requestedBy(String userId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from flush_purges where requested_by = :user "
                        + "order by requested_at desc, id limit :limit")
                .bind("user", userId).bind("limit", limit).map((rs, ctx) -> read(rs)).list());
    }

    /** Records a call's answer; a call recorded before (a retried run) keeps its first answer. */
    void recordCall(String purgeId, int number, CallOutcome outcome) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into flush_calls (purge_id, call_no, accepted, http_status, detail, support_id, purge_ids, estimated_seconds,
                                                 failed_targets)
                        values (:purge, :no, :accepted, :status, :detail, :support, :ids, :seconds, :failed) on conflict do nothing""")
                .bind("purge", purgeId).bind("no", number).bind("accepted", outcome.accepted())
                .bind("status", outcome.httpStatus()).bind("detail", outcome.detail()).bind("support", cut(outcome.supportId(), 200))
                .bind("ids", cut(String.join(",", outcome.purgeIds()), 4000)).bind("seconds", outcome.estimatedSeconds())
                .bind("failed", outcome.failedTargets().isEmpty() ? null : String.join("\n", outcome.failedTargets())).execute());
    }

    List<CallRecord> calls(String purgeId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select call_no, accepted, http_status, detail, support_id, purge_ids, estimated_seconds, failed_targets
                        from flush_calls where purge_id = :purge order by call_no""")
                .bind("purge", purgeId).map((rs, ctx) -> new CallRecord(rs.getInt("call_no"), new CallOutcome(
                        rs.getBoolean("accepted"), rs.getInt("http_status"), rs.getString("detail"), rs.getString("support_id"),
                        ids(rs.getString("purge_ids")), (Integer) rs.getObject("estimated_seconds", Integer.class), null,
                        lines(rs.getString("failed_targets")))))
                .list());
    }

    /** Marks the purge finished; false when it already was (its result was reported before). */
    boolean finish(String id, Purge.Outcome outcome, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "update flush_purges set outcome = :outcome, finished_at = :at where id = :id and finished_at is null")
                .bind("outcome", outcome.name()).bind("at", Timestamp.from(at)).bind("id", id).execute()) == 1;
    }

    private static Purge read(ResultSet rs) throws SQLException {
        String targets = rs.getString("targets");
        PurgeOrder order = new PurgeOrder(rs.getString("site"), TargetType.parse(rs.getString("kind")), Mode.parse(rs.getString("mode")),
                targets.isEmpty() ? List.of() : Arrays.asList(targets.split("\n")));
        String outcome = rs.getString("outcome");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Purge(rs.getString("id"), order, rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                rs.getString("view_id"), rs.getString("view_hash"), outcome == null ? null : Purge.Outcome.valueOf(outcome),
                finished == null ? null : finished.toInstant());
    }

    private static List<String> ids(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    private static String cut(String text, int most) {
        return text == null || text.length() <= most ? text : text.substring(0, most);
    }
}
