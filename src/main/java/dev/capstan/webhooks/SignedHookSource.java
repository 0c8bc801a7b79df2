package dev.capstan.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.http.HttpExchange;
import dev.capstan.security.Hmac;
import java.time.Instant;

/**
 * Anything else that can sign (Jenkins, a deploy script), on {@code POST /hooks/{source}}:
 * {@code X-Capstan-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of t + "." + body>} with t at most five minutes
 * from now, {@code X-Capstan-Delivery} as the delivery id and {@code X-Capstan-Event} (or the body's "event") as the event.
 */
final class SignedHookSource implements WebhookSource {
    static final long WINDOW_SECONDS = 300;
    private final String name;
    private final String secret;

    SignedHookSource(String name, String secret) {
        this.name = name;
        this.secret = secret;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean verified(HttpExchange.Request request, Instant now) {
        String header = request.header("X-Capstan-Signature");
        if (header == null) return false;
        String timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String trimmed = part.trim();
            if (trimmed.startsWith("t=")) timestamp = trimmed.substring(2);
            else if (trimmed.startsWith("v1=")) signature = trimmed;
        }
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) return false;
        if (Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > WINDOW_SECONDS) return false;
        return Hmac.matches(secret, Hmac.concat(timestamp + ".", request.bytes()), "v1=", signature);
    }

    @Override
    public String deliveryId(HttpExchange.Request request, JsonNode body) {
        return request.header("X-Capstan-Delivery");
    }

    @Override
    public String event(HttpExchange.Request request, JsonNode body) {
        String header = request.header("X-Capstan-Event");
        if (header != null && !header.isBlank()) return header.trim();
        return body.path("event").isTextual() ? body.path("event").asText() : null;
    }
}
