package dev.capstan.features.deploy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** Reads the ended deployments of a repository (with what each brought out) from the database, for the calculator. */
final class DeliveryHistory {
    private final Jdbi jdbi;

    DeliveryHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Deployments that ended (and deployed something: succeeded, failed or errored) in [from, until], by environment. */
    Map<String, List<Shipment>> shipments(String repositoryKey, Instant from, Instant until) {
        Map<String, List<Shipment>> byEnvironment = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("select d.id, d.environment, d.state, d.created_at, d.finished_at, d.rollback_to, "
                        + "l.outcome, l.commits, l.first_commit_at from deploy_deployments d "
                        + "left join deploy_lead_times l on l.deployment_id = d.id "
                        + "where d.repository_key = :key and d.state in ('SUCCESS', 'FAILURE', 'ERROR') "
                        + "and d.finished_at >= :from and d.finished_at <= :until order by d.finished_at, d.id")
                .bind("key", repositoryKey).bind("from", utc(from)).bind("until", utc(until))
                .map((rs, ctx) -> Map.entry(rs.getString("environment"), shipment(rs)))
                .forEach(e -> byEnvironment.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue())));
        return byEnvironment;
    }

    /** Every repository and environment with an ended deployment in [from, until], for the gauges. */
    Map<String, List<String>> environments(Instant from, Instant until) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("select distinct repository_key, environment from deploy_deployments "
                        + "where state in ('SUCCESS', 'FAILURE', 'ERROR') and finished_at >= :from and finished_at <= :until "
                        + "order by repository_key, environment")
                .bind("from", utc(from)).bind("until", utc(until))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> found.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue())));
        return found;
    }

    private static Shipment shipment(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        Shipment.Change change = outcome == null ? Shipment.Change.NOT_FETCHED : switch (outcome) {
            case "commits" -> Shipment.Change.commits(rs.getInt("commits"), instant(rs, "first_commit_at"));
            case "none" -> Shipment.Change.NOTHING_NEW;
            default -> Shipment.Change.UNKNOWN;
        };
        return new Shipment(rs.getLong("id"), rs.getString("state").equals("SUCCESS"), instant(rs, "created_at"),
                instant(rs, "finished_at"), rs.getObject("rollback_to", Long.class), change);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
