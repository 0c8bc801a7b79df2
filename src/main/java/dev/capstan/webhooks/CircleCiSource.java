package dev.capstan.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.http.HttpExchange;
import dev.capstan.security.Hmac;
import java.time.Instant;

/**
 * CircleCI's outbound webhooks: {@code circleci-signature: v1=<hex HMAC-SHA256 of the body>} (other versions may sit
 * beside it, comma separated); the payload's {@code id} is the same when a delivery comes twice, its {@code type} the event.
 */
final class CircleCiSource implements WebhookSource {
    private final String secret;

    CircleCiSource(String secret) {
        this.secret = secret;
    }

    @Override
    public String name() {
        return "circleci";
    }

    @Override
    public boolean verified(HttpExchange.Request request, Instant now) {
        String header = request.header("circleci-signature");
        if (header == null) return false;
        boolean valid = false;
        for (String part : header.split(",")) {
            if (part.trim().startsWith("v1=")) valid |= Hmac.matches(secret, request.bytes(), "v1=", part.trim());
        }
        return valid;
    }

    @Override
    public String deliveryId(HttpExchange.Request request, JsonNode body) {
        return body.path("id").isTextual() ? body.path("id").asText() : null;
    }

    @Override
    public String event(HttpExchange.Request request, JsonNode body) {
        return body.path("type").isTextual() ? body.path("type").asText() : null;
    }
}
