package dev.capstan.features.deploy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The deployments' rows: new ones, lookups by GitHub id, CI reference or sha, history, and guarded updates. */
final class Deployments {
    private static final String COLUMNS = "id, repository, environment, ref, sha, pull_request, trigger_kind, requested_by, "
            + "author_login, channel_id, state, revision, github_id, environment_url, log_url, ci, ci_ref, detail, created_at, finished_at, "
            + "message_key, rollback_to, emergency_reason, approved_by, heard, unheard_at";

    /** What a new deployment starts with; its revisions continue after {@code messageVersion} (an approval card's last). */
    record NewDeployment(String repository, String environment, String ref, String sha, Integer pullRequest, String trigger,
                         String requestedBy, String authorLogin, String channelId, String environmentUrl, String ci, Long githubId,
                         DeploymentState state, Deployment.Origin origin, long messageVersion) {
        NewDeployment(String repository, String environment, String ref, String sha, Integer pullRequest, String trigger,
                      String requestedBy, String authorLogin, String channelId, String environmentUrl, String ci, Long githubId,
                      DeploymentState state) {
            this(repository, environment, ref, sha, pullRequest, trigger, requestedBy, authorLogin, channelId, environmentUrl, ci,
                    githubId, state, Deployment.Origin.PLAIN, 0);
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile java.util.function.Consumer<String> homeChanged = userId -> { };

    Deployments(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Tells the requester's Home tab that one of their deployments started or ended; told inside the change's
     * transaction, so that the publish job it enqueues commits with the change (or not at all) and reads it.
     */
    void onChangeFor(java.util.function.Consumer<String> requester) {
        this.homeChanged = requester;
    }

    Deployment insert(Handle h, NewDeployment d) {
        Instant now = clock.instant();
        long id = h.createUpdate("""
                        insert into deploy_deployments (repository, repository_key, environment, ref, sha, pull_request, trigger_kind,
                            requested_by, author_login, channel_id, state, state_rank, revision, github_id, environment_url, ci,
                            created_at, updated_at, message_key, rollback_to, emergency_reason, approved_by)
                        values (:repository, :key, :environment, :ref, :sha, :pr, :trigger, :by, :author, :channel, :state, :rank,
                            :revision, :github, :url, :ci, :now, :now, :messageKey, :rollbackTo, :emergency, :approvedBy)""")
                .bind("repository", d.repository()).bind("key", Binding.key(d.repository())).bind("environment", d.environment())
                .bind("ref", d.ref()).bind("sha", d.sha()).bind("pr", d.pullRequest()).bind("trigger", d.trigger())
                .bind("by", d.requestedBy()).bind("author", d.authorLogin()).bind("channel", d.channelId())
                .bind("state", d.state().name()).bind("rank", d.state().rank()).bind("github", d.githubId())
                .bind("url", d.environmentUrl()).bind("ci", d.ci()).bind("now", now).bind("revision", d.messageVersion() + 1)
                .bind("messageKey", d.origin().messageKey()).bind("rollbackTo", d.origin().rollbackTo())
                .bind("emergency", d.origin().emergencyReason()).bind("approvedBy", d.origin().approvedBy())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        if (d.requestedBy() != null) homeChanged.accept(d.requestedBy());
        return lockRow(h, id).orElseThrow();
    }

    Optional<Deployment> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from deploy_deployments where id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    /** The row, locked until {@code h}'s transaction ends, so that changes to one deployment take turns. */
    Optional<Deployment> lockRow(Handle h, long id) {
        return h.createQuery("select " + COLUMNS + " from deploy_deployments where id = :id for update")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    Optional<Deployment> byGitHubId(String repository, long githubId) {
        return one("repository_key = :k and github_id = :g", q -> q.bind("k", Binding.key(repository)).bind("g", githubId));
    }

    Optional<Deployment> byCi(String ci, String ciRef) {
        return one("ci = :ci and ci_ref = :ref", q -> q.bind("ci", ci).bind("ref", ciRef));
    }

    /** Deployments of this commit that wait for its checks. */
    List<Deployment> waitingFor(String repository, String sha) {
        return list("repository_key = :k and sha = :sha and state = 'WAITING' order by id",
                q -> q.bind("k", Binding.key(repository)).bind("sha", sha));
    }

    /** Deployments of the environment that wait for their checks, oldest first. */
    List<Deployment> waitingIn(String repository, String environment) {
        return list("repository_key = :k and environment = :e and state = 'WAITING' order by id",
                q -> q.bind("k", Binding.key(repository)).bind("e", environment));
    }

    /** This person's deployments that have not ended, newest first: for their Home tab. */
    List<Deployment> unfinishedBy(String userId, int limit) {
        return list("requested_by = :u and state_rank < 9 order by id desc limit " + limit, q -> q.bind("u", userId));
    }

    /** Running deployments of the repository whose CI is {@code ci} and not yet found. */
    List<Deployment> unmatched(String repository, String ci) {
        return list("repository_key = :k and ci = :ci and ci_ref is null and state_rank < 9 and github_id is not null order by id",
                q -> q.bind("k", Binding.key(repository)).bind("ci", ci));
    }

    /** Newest first; all environments when {@code environment} is null. */
    List<Deployment> history(String repository, String environment, int limit) {
        return list("repository_key = :k" + (environment == null ? "" : " and environment = :e") + " order by id desc limit " + limit,
                q -> {
                    q.bind("k", Binding.key(repository));
                    if (environment != null) q.bind("e", environment);
                });
    }

    Optional<Deployment> lastSuccess(String repository, String environment) {
        return list("repository_key = :k and environment = :e and state = 'SUCCESS' order by id desc limit 1",
                q -> q.bind("k", Binding.key(repository)).bind("e", environment)).stream().findFirst();
    }

    /**
     * The environment's current deployment: the latest one that reached GitHub, however it ended (a failed one is
     * what is out there now, or what broke it); empty when none did.
     */
    Optional<Deployment> current(String repository, String environment) {
        return list("repository_key = :k and environment = :e and github_id is not null order by id desc limit 1",
                q -> q.bind("k", Binding.key(repository)).bind("e", environment)).stream().findFirst();
    }

    /** The last successful deployment of the environment before {@code current} that deployed another commit. */
    Optional<Deployment> successBefore(Deployment current) {
        return list("repository_key = :k and environment = :e and state = 'SUCCESS' and id < :id and sha is not null and sha <> :sha "
                        + "order by id desc limit 1",
                q -> q.bind("k", current.repositoryKey()).bind("e", current.environment()).bind("id", current.id())
                        .bind("sha", current.sha() == null ? "" : current.sha())).stream().findFirst();
    }

    /** Writes a changed deployment back with the next revision; returns it as stored. */
    Deployment save(Handle h, Deployment d) {
        Instant now = clock.instant();
        Instant finished = d.state().ended() && d.finishedAt() == null ? now : d.finishedAt();
        h.createUpdate("""
                        update deploy_deployments set sha = :sha, state = :state, state_rank = :rank, revision = revision + 1,
                            github_id = :github, log_url = :log, ci_ref = :ciRef, detail = :detail, updated_at = :now, finished_at = :finished,
                            heard = :heard, unheard_at = :unheardAt
                        where id = :id""")
                .bind("sha", d.sha()).bind("state", d.state().name()).bind("rank", d.state().rank()).bind("github", d.githubId())
                .bind("log", d.logUrl()).bind("ciRef", d.ciRef()).bind("detail", d.detail()).bind("now", now)
                .bind("finished", finished).bind("heard", d.heard()).bind("unheardAt", d.unheardAt()).bind("id", d.id()).execute();
        if (d.state().ended() && d.finishedAt() == null && d.requestedBy() != null) homeChanged.accept(d.requestedBy());
        return d.revised(d.revision() + 1, finished);
    }

    private Optional<Deployment> one(String where, java.util.function.Consumer<org.jdbi.v3.core.statement.Query> binder) {
        return list(where, binder).stream().findFirst();
    }

    private List<Deployment> list(String where, java.util.function.Consumer<org.jdbi.v3.core.statement.Query> binder) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("select " + COLUMNS + " from deploy_deployments where " + where);
            binder.accept(query);
            return query.map((rs, ctx) -> row(rs)).list();
        });
    }

    private static Deployment row(ResultSet rs) throws SQLException {
        return new Deployment(rs.getLong("id"), rs.getString("repository"), rs.getString("environment"), rs.getString("ref"),
                rs.getString("sha"), (Integer) rs.getObject("pull_request"), rs.getString("trigger_kind"), rs.getString("requested_by"),
                rs.getString("author_login"), rs.getString("channel_id"), DeploymentState.valueOf(rs.getString("state")),
                rs.getLong("revision"), rs.getObject("github_id") == null ? null : rs.getLong("github_id"),
                rs.getString("environment_url"), rs.getString("log_url"), rs.getString("ci"), rs.getString("ci_ref"),
                rs.getString("detail"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("finished_at")),
                new Deployment.Origin(rs.getString("message_key"), (Long) rs.getObject("rollback_to", Long.class),
                        rs.getString("emergency_reason"), rs.getString("approved_by")),
                rs.getBoolean("heard"), instant(rs.getTimestamp("unheard_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
