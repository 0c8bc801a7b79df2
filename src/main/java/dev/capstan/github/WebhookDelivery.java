package dev.capstan.github;

import dev.capstan.http.HttpExchange;
import dev.capstan.security.Hmac;

/**
 * One GitHub webhook request as GitHub documents it ("Validating webhook deliveries"): the event type, the
 * delivery id (same on redelivery) and whether X-Hub-Signature-256 matches the shared secret.
 */
public record WebhookDelivery(String event, String deliveryId, String body, boolean signatureValid) {

    public static WebhookDelivery of(HttpExchange.Request request, String secret) {
        boolean valid = Hmac.matches(secret, request.body(), "sha256=", request.header("X-Hub-Signature-256"));
        return new WebhookDelivery(request.header("X-GitHub-Event"), request.header("X-GitHub-Delivery"),
                request.body(), valid);
    }
}
