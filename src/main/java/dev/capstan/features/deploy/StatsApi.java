package dev.capstan.features.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.http.HttpExchange;
import dev.capstan.store.ApiTokens;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/deploy/stats?repository=owner/name[&environment=env][&days=30]}: the delivery metrics as JSON, behind a
 * bearer token as the time-report API (the platform's {@link ApiTokens}, in the family's own table).
 */
final class StatsApi {
    static final String PATH = "/api/deploy/stats";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApiTokens tokens;
    private final DeliveryStats stats;

    StatsApi(ApiTokens tokens, DeliveryStats stats) {
        this.tokens = tokens;
        this.stats = stats;
    }

    HttpExchange.Response handle(HttpExchange.Request request) {
        String header = request.header("Authorization");
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        if (tokens.verify(secret).isEmpty()) return error(401, "A valid bearer token is required (Authorization: Bearer <token>).");
        Map<String, String> query = query(request.path());
        String repository = query.get("repository");
        if (repository == null || !repository.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) return error(400, "Give `repository=owner/name`.");
        int days;
        try {
            days = Integer.parseInt(query.getOrDefault("days", "30"));
        } catch (NumberFormatException e) {
            days = 0;
        }
        if (days < 1 || days > DeliveryStats.MAX_DAYS) return error(400, "`days` is a number of days from 1 to " + DeliveryStats.MAX_DAYS + ".");
        String environment = query.get("environment");
        List<DeliveryFigures> figures = stats.figures(Binding.key(repository), environment == null ? List.of() : List.of(environment),
                environment == null, days);
        ObjectNode body = JSON.createObjectNode().put("repository", repository).put("days", days).put("bands", DoraThresholds.SOURCE);
        ArrayNode list = body.putArray("environments");
        figures.forEach(f -> list.add(json(f)));
        return HttpExchange.Response.json(body.toString());
    }

    private static ObjectNode json(DeliveryFigures f) {
        ObjectNode node = JSON.createObjectNode().put("environment", f.environment()).put("deployments", f.deployments());
        node.putObject("deployment_frequency").put("successes", f.successes()).put("per_day", f.perDay()).put("band", band(f.frequencyBand()));
        ObjectNode lead = node.putObject("lead_time").put("median_seconds", seconds(f.leadTime())).put("band", band(f.leadTimeBand()))
                .put("measured", f.measuredChanges()).put("no_commits_to_compare", f.nothingNew()).put("not_compared", f.notCompared());
        if (f.leadTime() == null) lead.putNull("median_seconds");
        node.putObject("change_failure_rate").put("failed", f.failedChanges()).put("rate", f.failureRate()).put("band", band(f.failureBand()));
        ObjectNode restore = node.putObject("time_to_restore").put("median_seconds", seconds(f.timeToRestore()))
                .put("band", band(f.restoreBand())).put("restores", f.restores()).put("unrestored", f.unrestored());
        if (f.timeToRestore() == null) restore.putNull("median_seconds");
        ArrayNode trend = node.putArray("trend");
        f.trend().forEach(b -> trend.addObject().put("from", b.start().toString()).put("days", b.length().toDays())
                .put("successes", b.successes()).put("failed_changes", b.failedChanges()));
        return node;
    }

    private static String band(Band band) {
        return band == null ? null : band.label();
    }

    private static long seconds(Duration d) {
        return d == null ? 0 : d.toSeconds();
    }

    private static Map<String, String> query(String path) {
        Map<String, String> found = new LinkedHashMap<>();
        int at = path.indexOf('?');
        if (at < 0) return found;
        for (String pair : path.substring(at + 1).split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2) found.putIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return found;
    }

    private static HttpExchange.Response error(int status, String message) {
        return new HttpExchange.Response(status, "application/json; charset=utf-8", JSON.createObjectNode().put("error", message).toString());
    }
}
