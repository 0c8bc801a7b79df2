package dev.capstan.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.http.HttpExchange;
import dev.capstan.security.Hmac;
import java.time.Instant;

/** GitHub ("Validating webhook deliveries"): X-Hub-Signature-256 over the raw body; X-GitHub-Delivery stays the same on redelivery. */
final class GitHubSource implements WebhookSource {
    private final String secret;

    GitHubSource(String secret) {
        this.secret = secret;
    }

    @Override
    public String name() {
        return "github";
    }

    @Override
    public boolean verified(HttpExchange.Request request, Instant now) {
        return Hmac.matches(secret, request.bytes(), "sha256=", request.header("X-Hub-Signature-256"));
    }

    @Override
    public String deliveryId(HttpExchange.Request request, JsonNode body) {
        return request.header("X-GitHub-Delivery");
    }

    @Override
    public String event(HttpExchange.Request request, JsonNode body) {
        return request.header("X-GitHub-Event");
    }
}
