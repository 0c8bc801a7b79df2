package dev.capstan.features.deploy;

import dev.capstan.command.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Approval requests and their approvals in the database. A click locks the request's row first, so that clicks on
 * one request take turns on every replica; each approver counts once (the primary key); a request leaves 'pending'
 * once (a conditional update).
 */
final class ApprovalRequests {
    private static final String COLUMNS = "id, repository, environment, ref, sha, trigger_kind, requested_by, author_login, channel_id, "
            + "needed, state, revision, rollback_to, emergency_reason, created_at, expires_at, decided_by, decided_at, deployment_id, outcome";
    private final Jdbi jdbi;

    private volatile Consumer<String> homeChanged = userId -> { };
    private volatile Function<Role, List<String>> holding = role -> List.of();

    /**
     * Tells the Home tab of each approver that a request waits for them: those the environment's policy names, and
     * everyone {@code holding} a role that may approve (the Home tab's throttle keeps that cheap). Told inside the
     * request's transaction: the publish job it enqueues commits with the request (or not at all), so it never reads
     * before the request is there.
     */
    void onAskedOf(Consumer<String> approver, Function<Role, List<String>> holding) {
        this.homeChanged = approver;
        this.holding = holding;
    }

    ApprovalRequests(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A new pending request for {@code r}, needing {@code needed} approvals until {@code expiresAt}. */
    ApprovalRequest insert(Handle h, DeployRequest r, int needed, Instant now, Instant expiresAt) {
        long id = h.createUpdate("""
                        insert into deploy_approval_requests (repository, repository_key, environment, ref, sha, trigger_kind, requested_by,
                            author_login, channel_id, needed, state, revision, rollback_to, emergency_reason, created_at, expires_at)
                        values (:repository, :key, :environment, :ref, :sha, :trigger, :by, :author, :channel, :needed, 'PENDING', 1,
                            :rollbackTo, :emergency, :now, :expires)""")
                .bind("repository", r.binding().repository()).bind("key", r.binding().key()).bind("environment", r.environment().name())
                .bind("ref", r.ref().full()).bind("sha", r.sha()).bind("trigger", r.trigger()).bind("by", r.requestedBy())
                .bind("author", r.authorLogin()).bind("channel", r.binding().channelId()).bind("needed", needed)
                .bind("rollbackTo", r.origin().rollbackTo()).bind("emergency", r.origin().emergencyReason())
                .bind("now", now).bind("expires", expiresAt)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        var approvals = r.environment().policy().approvals();
        if (approvals != null) approvers(approvals.from()).forEach(homeChanged);
        return lock(h, id).orElseThrow();
    }

    /** Everyone who may approve: the people named, then everyone with the least role or above. */
    private Set<String> approvers(PolicySettings.Approvers from) {
        Set<String> approvers = new LinkedHashSet<>();
        from.users().forEach(user -> approvers.add(user.id()));
        if (from.role() != null) {
            for (Role role : Role.values()) {
                if (role.atLeast(from.role())) approvers.addAll(holding.apply(role));
            }
        }
        return approvers;
    }

    Optional<ApprovalRequest> find(long id) {
        return jdbi.withHandle(h -> one(h, "select " + COLUMNS + " from deploy_approval_requests where id = :id", id));
    }

    /** The request with its approvals, its row locked until {@code h}'s transaction ends. */
    Optional<ApprovalRequest> lock(Handle h, long id) {
        return one(h, "select " + COLUMNS + " from deploy_approval_requests where id = :id for update", id);
    }

    /** Pending requests of an environment, oldest first. */
    List<ApprovalRequest> pending(String repositoryKey, String environment) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from deploy_approval_requests "
                        + "where repository_key = :k and environment = :e and state = 'PENDING' order by id")
                .bind("k", repositoryKey).bind("e", environment).map((rs, ctx) -> row(h, rs)).list());
    }

    /** Every request still waiting for approvals, newest first, at most {@code limit}: for the approvers' Home tabs. */
    List<ApprovalRequest> allPending(int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from deploy_approval_requests "
                        + "where state = 'PENDING' order by id desc limit :limit")
                .bind("limit", limit).map((rs, ctx) -> row(h, rs)).list());
    }

    /** False when this person approved it already. */
    boolean approve(Handle h, long id, String approver, Instant at) {
        return h.createUpdate("insert into deploy_approvals (request_id, approver, approved_at) values (:id, :who, :at) on conflict do nothing")
                .bind("id", id).bind("who", approver).bind("at", at).execute() == 1;
    }

    /** Moves a pending request to {@code state}; false when it had left 'pending' already. */
    boolean decide(Handle h, long id, ApprovalRequest.State state, String by, Instant at) {
        return h.createUpdate("""
                        update deploy_approval_requests set state = :state, decided_by = :by, decided_at = :at, revision = revision + 1
                        where id = :id and state = 'PENDING'""")
                .bind("state", state.name()).bind("by", by).bind("at", at).bind("id", id).execute() == 1;
    }

    /** What came of an approved request (the deployment it started, or why not); the card's next revision. */
    void outcome(Handle h, long id, Long deploymentId, String outcome) {
        h.createUpdate("update deploy_approval_requests set deployment_id = :d, outcome = :o, revision = revision + 1 where id = :id")
                .bind("d", deploymentId).bind("o", outcome).bind("id", id).execute();
    }

    /** The card changed (an approval was counted): its next revision. */
    void revise(Handle h, long id) {
        h.createUpdate("update deploy_approval_requests set revision = revision + 1 where id = :id").bind("id", id).execute();
    }

    private static Optional<ApprovalRequest> one(Handle h, String sql, long id) {
        return h.createQuery(sql).bind("id", id).map((rs, ctx) -> row(h, rs)).findOne();
    }

    private static ApprovalRequest row(Handle h, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<ApprovalRequest.Approval> approvals = h.createQuery(
                        "select approver, approved_at from deploy_approvals where request_id = :id order by approved_at, approver")
                .bind("id", id).map((a, ctx) -> new ApprovalRequest.Approval(a.getString(1), a.getTimestamp(2).toInstant())).list();
        return new ApprovalRequest(id, rs.getString("repository"), rs.getString("environment"), rs.getString("ref"), rs.getString("sha"),
                rs.getString("trigger_kind"), rs.getString("requested_by"), rs.getString("author_login"), rs.getString("channel_id"),
                rs.getInt("needed"), ApprovalRequest.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getLong("revision"),
                rs.getObject("rollback_to", Long.class), rs.getString("emergency_reason"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("expires_at")), rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")),
                rs.getObject("deployment_id", Long.class), rs.getString("outcome"), approvals);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
