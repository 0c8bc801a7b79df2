package dev.capstan.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditLog;
import dev.capstan.http.HttpExchange;
import dev.capstan.store.DeliveryLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every inbound webhook: verified by its source's scheme (401 and nothing stored otherwise), de-duplicated by delivery
 * id and handed to every family that subscribed, in the transaction that records the delivery. What can never be
 * applied gets a 4xx and is recorded; what failed on our side gets a 500 and nothing is kept, so a redelivery works.
 */
public final class WebhookIntake {
    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DELIVERY_ID = 200;
    private static final int MAX_EVENT = 100;

    private final WebhookSources sources;
    private final WebhookSubscriptions subscriptions;
    private final DeliveryLog deliveries;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public WebhookIntake(WebhookSources sources, WebhookSubscriptions subscriptions, DeliveryLog deliveries, Jdbi jdbi,
                         AuditLog audit, Clock clock) {
        this.sources = sources;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code POST /github/webhook} and {@code POST /circleci/webhook}. */
    public HttpExchange.Response receive(String sourceName, HttpExchange.Request request) {
        return sources.find(sourceName).map(source -> receive(source, request))
                .orElseGet(() -> notConfigured(sourceName));
    }

    /** {@code POST /hooks/{source}}: sources configured under {@code hooks:} in the YAML file. */
    public HttpExchange.Response receiveHook(String sourceName, HttpExchange.Request request) {
        return sources.hook(sourceName).map(source -> receive(source, request))
                .orElseGet(() -> notConfigured(sourceName));
    }

    private HttpExchange.Response notConfigured(String sourceName) {
        log.info("Webhook for '{}' refused: no secret is configured for that source", sourceName);
        return HttpExchange.Response.text(404, "no webhook source '" + sourceName + "' is configured");
    }

    private HttpExchange.Response receive(WebhookSource source, HttpExchange.Request request) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        if (!source.verified(request, now)) {
            log.warn("{} webhook with a missing or wrong signature from {}", source.name(), request.remoteAddress());
            return HttpExchange.Response.unauthorized();
        }
        JsonNode body;
        // Read from the text, where bytes that are not UTF-8 became U+FFFD: the signature was checked over the bytes.
        try {
            body = JSON.readTree(request.body());
        } catch (Exception e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return refuse(source, null, null, 400, "the body is not a JSON object", started);
        }
        String deliveryId = source.deliveryId(request, body);
        String event = source.event(request, body);
        if (deliveryId == null || deliveryId.isBlank()) return refuse(source, event, null, 400, "no delivery id", started);
        if (deliveryId.length() > MAX_DELIVERY_ID || !printable(deliveryId)) {
            return refuse(source, event, null, 400, "the delivery id is not 1 to " + MAX_DELIVERY_ID + " printable characters", started);
        }
        if (event == null || event.isBlank() || event.length() > MAX_EVENT || !printable(event)) {
            return refuse(source, null, deliveryId, 400, "no event type (or one that is not 1 to " + MAX_EVENT + " printable characters)", started);
        }
        InboundWebhook webhook = new InboundWebhook(source.name(), event, body.path("action").asText(null), deliveryId, body, now);
        Applied applied;
        try {
            applied = jdbi.inTransaction(h -> apply(h, webhook));
        } catch (Exception e) {
            log.error("{} delivery {} ({}) could not be applied; nothing was recorded, so a redelivery is applied",
                    source.name(), deliveryId, event, e);
            record(webhook, "error: " + e.getClass().getSimpleName() + "; nothing kept", started);
            return HttpExchange.Response.text(500, "could not be applied; redeliver it");
        }
        record(webhook, applied.outcome(), started);
        return HttpExchange.Response.text(applied.status(), applied.outcome());
    }

    private record Applied(int status, String outcome) { }

    private Applied apply(Handle h, InboundWebhook webhook) {
        if (!deliveries.firstTime(webhook.source(), webhook.deliveryId(), webhook.event(), webhook.receivedAt())) {
            return new Applied(200, "already handled");
        }
        List<WebhookSubscriptions.Subscription> subscribers = subscriptions.subscribers(webhook.source(), webhook.event());
        List<String> rejections = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int handled = 0;
        for (WebhookSubscriptions.Subscription subscriber : subscribers) {
            String savepoint = "hook_" + handled + "_" + rejections.size();
            h.savepoint(savepoint);
            try {
                String note = subscriber.handler().handle(webhook);
                notes.add(subscribers.size() == 1 ? (note == null ? "applied" : note)
                        : subscriber.family() + ": " + (note == null ? "applied" : note));
                handled++;
            } catch (WebhookRejected rejected) {
                h.rollbackToSavepoint(savepoint);
                rejections.add(subscriber.family() + ": " + rejected.getMessage());
                log.info("{} delivery {} ({}) rejected by {}: {}", webhook.source(), webhook.deliveryId(), webhook.event(),
                        subscriber.family(), rejected.getMessage());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Applied applied;
        if (!rejections.isEmpty()) applied = new Applied(422, "rejected by " + String.join("; ", rejections));
        else if (!subscribers.isEmpty()) applied = new Applied(200, String.join("; ", notes));
        else if (webhook.source().equals("github") && webhook.event().equals("ping")) applied = new Applied(200, "pong");
        else applied = new Applied(202, "recorded; nobody subscribes to " + webhook.event());
        deliveries.recordOutcome(webhook.source(), webhook.deliveryId(), applied.outcome());
        return applied;
    }

    private HttpExchange.Response refuse(WebhookSource source, String event, String deliveryId, int status, String why, long started) {
        log.info("{} webhook refused ({}): {}", source.name(), status, why);
        audit.append(AuditEntry.of(AuditEntry.Kind.WEBHOOK, clock.instant(), null, null,
                source.name() + " " + (event == null ? "?" : cut(event)) + " " + (deliveryId == null ? "" : cut(deliveryId)),
                source.name() + " webhook", "verified", "refused " + status + ": " + why, elapsedMs(started), null));
        return HttpExchange.Response.text(status, why);
    }

    private void record(InboundWebhook webhook, String outcome, long started) {
        audit.append(AuditEntry.of(AuditEntry.Kind.WEBHOOK, clock.instant(), null, null,
                webhook.source() + " " + webhook.event() + (webhook.action() == null ? "" : "." + cut(webhook.action()))
                        + " " + webhook.deliveryId(),
                webhook.source() + " " + webhook.event(), "verified", outcome, elapsedMs(started), null));
    }

    private static boolean printable(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c != 0x7f);
    }

    private static String cut(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }

    private static long elapsedMs(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
