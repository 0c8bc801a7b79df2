package dev.capstan.features.deploy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** What each successful deployment brought out, kept once its job asked GitHub, so that the metrics read only the database. */
final class LeadTimes {
    private final Jdbi jdbi;

    /** A successful deployment's commit and the commit of the success before it in its environment (null for the first). */
    record Pair(long id, String repository, String sha, String previousSha) { }

    LeadTimes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The deployment if it succeeded, with the commit of the previous success of its environment. */
    Optional<Pair> pair(long id) {
        return jdbi.withHandle(h -> h.createQuery("select d.id, d.repository, d.sha, (select p.sha from deploy_deployments p "
                        + "where p.repository_key = d.repository_key and p.environment = d.environment and p.state = 'SUCCESS' "
                        + "and p.id <> d.id and (p.finished_at < d.finished_at or (p.finished_at = d.finished_at and p.id < d.id)) "
                        + "order by p.finished_at desc, p.id desc fetch first 1 rows only) as previous_sha "
                        + "from deploy_deployments d where d.id = :id and d.state = 'SUCCESS'")
                .bind("id", id)
                .map((rs, ctx) -> new Pair(rs.getLong("id"), rs.getString("repository"), rs.getString("sha"), rs.getString("previous_sha")))
                .findOne());
    }

    /** Stores what went out; a second answer for the same deployment (a repeated job) changes nothing. */
    void store(long id, String baseSha, Shipment.Change change, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("insert into deploy_lead_times (deployment_id, base_sha, outcome, commits, first_commit_at, fetched_at) "
                        + "values (:id, :base, :outcome, :commits, :first, :at) on conflict do nothing")
                .bind("id", id).bind("base", baseSha).bind("outcome", change.kind().name().toLowerCase(java.util.Locale.ROOT))
                .bind("commits", change.commits())
                .bind("first", change.firstCommitAt() == null ? null : OffsetDateTime.ofInstant(change.firstCommitAt(), java.time.ZoneOffset.UTC))
                .bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .execute());
    }
}
