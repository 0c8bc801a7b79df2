package dev.capstan.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A verified, first-time delivery: where it came from, its event (and the body's action), its delivery id and its JSON. */
public record InboundWebhook(String source, String event, String action, String deliveryId, JsonNode body, Instant receivedAt) {
}
