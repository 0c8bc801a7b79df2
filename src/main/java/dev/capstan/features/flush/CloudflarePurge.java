package dev.capstan.features.flush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import dev.capstan.http.OutboundClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cloudflare: {@code POST /client/v4/zones/{zone}/purge_cache} with exactly one of files (the site's files_per_call,
 * 30 by default), tags, hosts or prefixes (100 per call) or purge_everything; {@code Authorization: Bearer}.
 */
final class CloudflarePurge implements PurgeProvider {
    static final String API = "https://api.cloudflare.com";
    static final int OTHERS_PER_CALL = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboundClient http;
    private final String token;

    CloudflarePurge(OutboundClient http, String token) {
        this.http = http;
        this.token = token;
    }

    @Override
    public List<PurgeCall> plan(Site site, PurgeOrder order) {
        return switch (order.kind()) {
            case EVERYTHING -> List.of(new PurgeCall(1, null, List.of()));
            case URL -> Batches.of(order.targets(), site.settings().filesPerCall(), null, 0);
            default -> Batches.of(order.targets(), OTHERS_PER_CALL, null, 0);
        };
    }

    @Override
    public List<RateBudget.Charge> charges(PurgeOrder order, PurgeCall call) {
        if (order.kind() == TargetType.URL) return List.of(new RateBudget.Charge("cloudflare.urls", call.targets().size()));
        return List.of(new RateBudget.Charge("cloudflare.requests", 1));
    }

    @Override
    public CallOutcome send(Site site, PurgeOrder order, PurgeCall call) {
        String bearer = ProviderAnswers.required(token, "CLOUDFLARE_API_TOKEN", Cdn.CLOUDFLARE);
        ObjectNode body = JSON.createObjectNode();
        if (order.kind() == TargetType.EVERYTHING) {
            body.put("purge_everything", true);
        } else {
            ArrayNode list = body.putArray(switch (order.kind()) {
                case URL -> "files";
                case TAG -> "tags";
                case HOST -> "hosts";
                default -> "prefixes";
            });
            call.targets().forEach(list::add);
        }
        String url = ProviderAnswers.base(site, API) + "/client/v4/zones/" + site.settings().zone() + "/purge_cache";
        return read(http.send(HttpCall.post(url).json(body.toString()).header("Authorization", "Bearer " + bearer)));
    }

    private static CallOutcome read(HttpAnswer answer) {
        ProviderAnswers.retryOnServerError(answer, Cdn.CLOUDFLARE);
        JsonNode json = answer.json();
        String ray = answer.header("CF-Ray");
        if (answer.status() == 429) {
            return CallOutcome.rateLimited(429, errors(json), ray, ProviderAnswers.retryAfter(answer, Duration.ofSeconds(1)));
        }
        if (!answer.ok() || !json.path("success").asBoolean(false)) {
            String errors = errors(json);
            return CallOutcome.refused(answer.status(), errors == null ? answer.excerpt() : errors, ray);
        }
        String id = json.path("result").path("id").asText("");
        return CallOutcome.accepted(answer.status(), null, ray, id.isEmpty() ? List.of() : List.of(id), null);
    }

    private static String errors(JsonNode json) {
        List<String> errors = new ArrayList<>();
        for (JsonNode error : json.path("errors")) errors.add(error.path("code").asText("?") + ": " + error.path("message").asText(""));
        return errors.isEmpty() ? null : String.join("; ", errors);
    }
}
