package dev.capstan.features.deploy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Deployments waiting for their environment, in the database so that any replica (or Capstan after a restart) starts
 * them: 'queued' ones wait for a running deployment to end, 'held' automatic ones for a freeze to end (only the latest
 * per environment is kept). An entry leaves 'waiting' once, by a conditional update.
 */
final class DeployQueue {
    /** What an entry waits for: a running deployment to end (queued) or a freeze to end (held). */
    enum WaitReason { QUEUED, HELD }

    /** One waiting request, as it will be asked again. */
    record Entry(long id, String repository, String environment, WaitReason kind, String ref, String sha, String trigger, String requestedBy,
                 String authorLogin, String channelId, Deployment.Origin origin, long messageVersion, Instant createdAt) {
        GitRef gitRef() {
            return GitRef.parse(ref);
        }

        String who() {
            return requestedBy != null ? "<@" + requestedBy + ">" : authorLogin != null ? "`" + authorLogin + "` (GitHub)" : "GitHub";
        }
    }

    private static final String COLUMNS = "id, repository, environment, kind, ref, sha, trigger_kind, requested_by, author_login, channel_id, "
            + "message_key, message_version, rollback_to, emergency_reason, approved_by, created_at";
    private final Jdbi jdbi;
    private final Clock clock;

    DeployQueue(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    long add(Handle h, DeployRequest r, WaitReason kind) {
        return h.createUpdate("""
                        insert into deploy_queue (repository, repository_key, environment, kind, state, ref, sha, trigger_kind, requested_by,
                            author_login, channel_id, message_key, message_version, rollback_to, emergency_reason, approved_by, created_at)
                        values (:repository, :key, :environment, :kind, 'waiting', :ref, :sha, :trigger, :by, :author, :channel, :messageKey,
                            :version, :rollbackTo, :emergency, :approvedBy, :now)""")
                .bind("repository", r.binding().repository()).bind("key", r.binding().key()).bind("environment", r.environment().name())
                .bind("kind", name(kind)).bind("ref", r.ref().full()).bind("sha", r.sha()).bind("trigger", r.trigger())
                .bind("by", r.requestedBy()).bind("author", r.authorLogin()).bind("channel", r.binding().channelId())
                .bind("messageKey", r.origin().messageKey()).bind("version", r.messageVersion()).bind("rollbackTo", r.origin().rollbackTo())
                .bind("emergency", r.origin().emergencyReason()).bind("approvedBy", r.origin().approvedBy()).bind("now", clock.instant())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** 1 for the next to start. */
    int place(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from deploy_queue q where q.state = 'waiting' and q.kind = 'queued' and q.id <= :id
                        and q.repository_key = (select repository_key from deploy_queue where id = :id)
                        and q.environment = (select environment from deploy_queue where id = :id)""")
                .bind("id", id).mapTo(Integer.class).one());
    }

    /** Waiting entries of the environment, oldest first. */
    List<Entry> waiting(String repositoryKey, String environment, WaitReason kind) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from deploy_queue where repository_key = :k and environment = :e "
                        + "and kind = :kind and state = 'waiting' order by id")
                .bind("k", repositoryKey).bind("e", environment).bind("kind", name(kind)).map((rs, ctx) -> row(rs)).list());
    }

    /** Takes a waiting entry for the caller; false when someone else did. */
    boolean claim(Handle h, long id) {
        return h.createUpdate("update deploy_queue set state = 'started' where id = :id and state = 'waiting'").bind("id", id).execute() == 1;
    }

    /** Puts a claimed entry back (its environment was taken a moment before). */
    void unclaim(Handle h, long id) {
        h.createUpdate("update deploy_queue set state = 'waiting' where id = :id").bind("id", id).execute();
    }

    void started(Handle h, long id, long deploymentId) {
        h.createUpdate("update deploy_queue set deployment_id = :d where id = :id").bind("d", deploymentId).bind("id", id).execute();
    }

    /** Ends an entry that will not start, with the reason. */
    void drop(Handle h, long id, String outcome) {
        h.createUpdate("update deploy_queue set state = 'dropped', outcome = :o where id = :id").bind("o", cut(outcome)).bind("id", id).execute();
    }

    /** A newer automatic deployment supersedes the ones held before it. */
    void supersedeHeld(Handle h, String repositoryKey, String environment) {
        h.createUpdate("update deploy_queue set state = 'dropped', outcome = 'superseded by a newer automatic deployment' "
                        + "where repository_key = :k and environment = :e and kind = 'held' and state = 'waiting'")
                .bind("k", repositoryKey).bind("e", environment).execute();
    }

    private static String name(WaitReason kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String cut(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    private static Entry row(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getString("repository"), rs.getString("environment"),
                WaitReason.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("ref"), rs.getString("sha"),
                rs.getString("trigger_kind"), rs.getString("requested_by"), rs.getString("author_login"), rs.getString("channel_id"),
                new Deployment.Origin(rs.getString("message_key"), rs.getObject("rollback_to", Long.class), rs.getString("emergency_reason"),
                        rs.getString("approved_by")), rs.getLong("message_version"), rs.getTimestamp("created_at").toInstant());
    }
}
