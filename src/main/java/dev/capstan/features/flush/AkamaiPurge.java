package dev.capstan.features.flush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import dev.capstan.http.OutboundClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Akamai Fast Purge v3: {@code POST /ccu/v3/{invalidate|delete}/{url|tag|cpcode}/{network}} with {@code {"objects": […]}},
 * EdgeGrid-signed; bodies kept under 50,000 bytes (413 above); a 429 waits five seconds, as Akamai asks.
 */
final class AkamaiPurge implements PurgeProvider {
    static final int BODY_LIMIT = 50_000;
    static final Duration RATE_LIMITED_WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The environment's Akamai API client: its host and credentials (any may be missing until a purge needs them). */
    record Account(String host, String clientToken, String clientSecret, String accessToken) { }

    private final OutboundClient http;
    private final Account account;
    private final Clock clock;

    AkamaiPurge(OutboundClient http, Account account, Clock clock) {
        this.http = http;
        this.account = account;
        this.clock = clock;
    }

    @Override
    public List<PurgeCall> plan(Site site, PurgeOrder order) {
        List<PurgeCall> calls = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        int size = body(order.kind(), List.of()).length;
        for (String target : order.targets()) {
            int added = object(order.kind(), target).length + (batch.isEmpty() ? 0 : 1);
            if (!batch.isEmpty() && size + added >= BODY_LIMIT) {
                calls.add(new PurgeCall(calls.size() + 1, null, batch));
                batch = new ArrayList<>();
                size = body(order.kind(), List.of()).length;
                added = object(order.kind(), target).length;
            }
            batch.add(target);
            size += added;
        }
        if (!batch.isEmpty()) calls.add(new PurgeCall(calls.size() + 1, null, batch));
        return calls;
    }

    @Override
    public List<RateBudget.Charge> charges(PurgeOrder order, PurgeCall call) {
        String objects = switch (order.kind()) {
            case TAG -> "akamai.tags";
            case CPCODE -> "akamai.cpcodes";
            default -> "akamai.urls";
        };
        return List.of(new RateBudget.Charge("akamai.requests", 1), new RateBudget.Charge(objects, call.targets().size()));
    }

    @Override
    public CallOutcome send(Site site, PurgeOrder order, PurgeCall call) {
        EdgeGrid.Credentials credentials = new EdgeGrid.Credentials(
                ProviderAnswers.required(account.clientToken(), "AKAMAI_CLIENT_TOKEN", Cdn.AKAMAI),
                ProviderAnswers.required(account.clientSecret(), "AKAMAI_CLIENT_SECRET", Cdn.AKAMAI),
                ProviderAnswers.required(account.accessToken(), "AKAMAI_ACCESS_TOKEN", Cdn.AKAMAI));
        String base = site.settings().apiUrl() != null ? site.settings().apiBase()
                : "https://" + ProviderAnswers.required(account.host(), "AKAMAI_HOST", Cdn.AKAMAI).replaceFirst("^https?://", "").replaceAll("/+$", "");
        URI uri = URI.create(base + "/ccu/v3/" + order.mode().id() + "/" + order.kind().id() + "/" + site.settings().network());
        byte[] body = body(order.kind(), call.targets());
        String authorization = EdgeGrid.authorization(credentials, "POST", uri, body, clock.instant(), UUID.randomUUID().toString());
        HttpAnswer answer = http.send(HttpCall.post(uri.toString()).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Authorization", authorization).withBody(body));
        return read(answer);
    }

    private static CallOutcome read(HttpAnswer answer) {
        ProviderAnswers.retryOnServerError(answer, Cdn.AKAMAI);
        JsonNode json = answer.json();
        String detail = ProviderAnswers.text(json, "detail", "title");
        String supportId = ProviderAnswers.text(json, "supportId");
        if (answer.status() == 429) {
            return CallOutcome.rateLimited(429, detail, supportId, ProviderAnswers.retryAfter(answer, RATE_LIMITED_WAIT));
        }
        if (!answer.ok()) return CallOutcome.refused(answer.status(), detail == null ? answer.excerpt() : detail, supportId);
        String purgeId = ProviderAnswers.text(json, "purgeId");
        Integer seconds = json.path("estimatedSeconds").canConvertToInt() ? json.path("estimatedSeconds").asInt() : null;
        return CallOutcome.accepted(answer.status(), detail, supportId, purgeId == null ? List.of() : List.of(purgeId), seconds);
    }

    private static byte[] body(TargetType kind, List<String> targets) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode objects = body.putArray("objects");
        for (String target : targets) {
            if (kind == TargetType.CPCODE) objects.add(Long.parseLong(target));
            else objects.add(target);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] object(TargetType kind, String target) {
        if (kind == TargetType.CPCODE) return target.getBytes(StandardCharsets.UTF_8);
        return JSON.getNodeFactory().textNode(target).toString().getBytes(StandardCharsets.UTF_8);
    }
}
