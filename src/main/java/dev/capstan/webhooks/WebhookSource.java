package dev.capstan.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.http.HttpExchange;
import java.time.Instant;

/** One sender of webhooks: how its requests are signed, and where its delivery id and event type are. */
public interface WebhookSource {
    String name();

    /** Whether the request carries a valid signature (and, where the scheme has one, a fresh timestamp); constant time. */
    boolean verified(HttpExchange.Request request, Instant now);

    /** The id that stays the same on redelivery; null when missing. */
    String deliveryId(HttpExchange.Request request, JsonNode body);

    /** The event type subscribers choose by; null when missing. */
    String event(HttpExchange.Request request, JsonNode body);
}
