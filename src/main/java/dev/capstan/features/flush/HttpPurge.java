package dev.capstan.features.flush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import dev.capstan.http.OutboundClient;
import dev.capstan.security.SecretMask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A team's own flush service ({@code provider: http}): one POST per purge carrying the checked order as JSON (site,
 * kind, mode, targets, who asked, Capstan's purge id), read back by status and, when there is one, a small JSON body:
 * a 2xx succeeds unless the body says {@code "status": "failed"} or lists {@code failed} targets (then it is partial);
 * 429 waits, 5xx is tried again later, any other status fails with the body's {@code message}.
 */
final class HttpPurge implements PurgeProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LISTED_REASONS = 5;

    private final OutboundClient http;
    /** Each http site's URL with its secrets filled in (they are masked wherever Capstan writes). */
    private final Map<String, String> urls;
    private final SecretMask secrets;

    HttpPurge(OutboundClient http, Map<String, String> urls, SecretMask secrets) {
        this.http = http;
        this.urls = Map.copyOf(urls);
        this.secrets = secrets;
    }

    @Override
    public List<PurgeCall> plan(Site site, PurgeOrder order) {
        return List.of(new PurgeCall(1, null, order.targets()));
    }

    @Override
    public List<RateBudget.Charge> charges(PurgeOrder order, PurgeCall call) {
        return List.of(new RateBudget.Charge("http.requests", 1));
    }

    /** The order alone, with nobody named as asking and no purge id. */
    @Override
    public CallOutcome send(Site site, PurgeOrder order, PurgeCall call) {
        return send(site, new Purge(null, order, null, null, null, null, null, null), call);
    }

    @Override
    public CallOutcome send(Site site, Purge purge, PurgeCall call) {
        String url = ProviderAnswers.required(urls.get(site.name()), "the URL of " + site.name() + "'s flush service", Cdn.HTTP);
        PurgeOrder order = purge.order();
        ObjectNode body = JSON.createObjectNode().put("site", site.name()).put("kind", order.kind().id()).put("mode", order.mode().id());
        call.targets().forEach(body.putArray("targets")::add);
        body.put("requested_by", purge.requestedBy()).put("purge_id", purge.id());
        HttpCall request = HttpCall.post(url).json(body.toString()).header("Accept", "application/json");
        if (purge.id() != null) request = request.header("Idempotency-Key", purge.id() + "-" + call.number());
        return read(http.send(request), call);
    }

    private CallOutcome read(HttpAnswer answer, PurgeCall call) {
        ProviderAnswers.retryOnServerError(answer, Cdn.HTTP);
        JsonNode json = answer.json();
        String message = masked(ProviderAnswers.text(json, "message", "detail", "error", "title"));
        if (answer.status() == 429) return CallOutcome.rateLimited(429, message, null, ProviderAnswers.retryAfter(answer, Duration.ofSeconds(1)));
        if (!answer.ok()) return CallOutcome.refused(answer.status(), message == null ? excerpt(answer) : message, supportId(json));
        if ("failed".equalsIgnoreCase(ProviderAnswers.text(json, "status"))) {
            return CallOutcome.refused(answer.status(), message == null ? "The flush service said the purge failed." : message, supportId(json));
        }
        String id = ProviderAnswers.text(json, "id", "purge_id", "purgeId");
        List<String> ids = id == null ? List.of() : List.of(masked(id));
        Integer seconds = json.path("estimated_seconds").isInt() ? Integer.valueOf(json.path("estimated_seconds").asInt())
                : json.path("estimatedSeconds").isInt() ? Integer.valueOf(json.path("estimatedSeconds").asInt()) : null;
        List<String> failed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (JsonNode entry : json.path("failed")) {
            String target = entry.isTextual() ? entry.asText() : entry.path("target").asText("");
            if (!call.targets().contains(target)) continue;
            failed.add(target);
            String reason = entry.path("reason").asText("");
            if (!reason.isBlank() && reasons.size() < LISTED_REASONS) reasons.add(target + ": " + reason);
        }
        if (failed.isEmpty()) return CallOutcome.accepted(answer.status(), message, supportId(json), ids, seconds);
        String detail = reasons.isEmpty() ? (message == null ? "the flush service could not purge these" : message)
                : masked(String.join("; ", reasons));
        return CallOutcome.partly(answer.status(), detail, supportId(json), ids, seconds, failed);
    }

    private String supportId(JsonNode json) {
        return masked(ProviderAnswers.text(json, "support_id", "supportId"));
    }

    private static String excerpt(HttpAnswer answer) {
        String excerpt = answer.excerpt();
        return excerpt.isEmpty() ? null : excerpt.substring(2);
    }

    private String masked(String text) {
        return secrets.mask(text);
    }
}
