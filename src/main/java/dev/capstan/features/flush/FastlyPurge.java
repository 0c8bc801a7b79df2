package dev.capstan.features.flush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import dev.capstan.http.OutboundClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fastly: a URL purge is {@code POST /purge/{host/path}} (one call per URL), surrogate keys go to
 * {@code POST /service/{id}/purge} (at most 256 per call), everything to {@code POST /service/{id}/purge_all}; the
 * token travels in {@code Fastly-Key}, and {@code Fastly-Soft-Purge: 1} makes a purge soft (not purge_all).
 */
final class FastlyPurge implements PurgeProvider {
    static final String API = "https://api.fastly.com";
    static final int KEYS_PER_CALL = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboundClient http;
    private final String token;

    FastlyPurge(OutboundClient http, String token) {
        this.http = http;
        this.token = token;
    }

    @Override
    public List<PurgeCall> plan(Site site, PurgeOrder order) {
        List<PurgeCall> calls = new ArrayList<>();
        if (order.kind() == TargetType.URL) return Batches.of(order.targets(), 1, null, 0);
        for (String service : site.settings().services()) {
            if (order.kind() == TargetType.EVERYTHING) calls.add(new PurgeCall(calls.size() + 1, service, List.of()));
            else calls.addAll(Batches.of(order.targets(), KEYS_PER_CALL, service, calls.size()));
        }
        return calls;
    }

    @Override
    public List<RateBudget.Charge> charges(PurgeOrder order, PurgeCall call) {
        RateBudget.Charge request = new RateBudget.Charge("fastly.requests", 1);
        if (order.kind() == TargetType.EVERYTHING) return List.of(request, new RateBudget.Charge("fastly.purge_all", 1));
        return List.of(request);
    }

    @Override
    public CallOutcome send(Site site, PurgeOrder order, PurgeCall call) {
        String key = ProviderAnswers.required(token, "FASTLY_API_TOKEN", Cdn.FASTLY);
        String base = ProviderAnswers.base(site, API);
        HttpCall request = switch (order.kind()) {
            case URL -> HttpCall.post(base + "/purge/" + call.targets().get(0).replaceFirst("^https?://", ""));
            case EVERYTHING -> HttpCall.post(base + "/service/" + call.scope() + "/purge_all");
            default -> {
                ObjectNode body = JSON.createObjectNode();
                call.targets().forEach(body.putArray("surrogate_keys")::add);
                yield HttpCall.post(base + "/service/" + call.scope() + "/purge").json(body.toString());
            }
        };
        request = request.header("Fastly-Key", key).header("Accept", "application/json");
        if (order.mode() == Mode.INVALIDATE && order.kind() != TargetType.EVERYTHING) request = request.header("Fastly-Soft-Purge", "1");
        return read(http.send(request));
    }

    private static CallOutcome read(HttpAnswer answer) {
        ProviderAnswers.retryOnServerError(answer, Cdn.FASTLY);
        JsonNode json = answer.json();
        if (answer.status() == 429) {
            return CallOutcome.rateLimited(429, ProviderAnswers.text(json, "msg"), null, ProviderAnswers.retryAfter(answer, Duration.ofSeconds(1)));
        }
        if (!answer.ok()) {
            String msg = ProviderAnswers.text(json, "msg", "reason", "message");
            String detail = ProviderAnswers.text(json, "detail");
            String text = msg == null ? answer.excerpt() : detail == null ? msg : msg + ": " + detail;
            return CallOutcome.refused(answer.status(), text, null);
        }
        List<String> ids = new ArrayList<>();
        if (json.has("id")) ids.add(json.path("id").asText());
        else if (!json.has("status")) json.fields().forEachRemaining(e -> ids.add(e.getValue().asText()));
        return CallOutcome.accepted(answer.status(), ProviderAnswers.text(json, "status"), null, ids, null);
    }
}
