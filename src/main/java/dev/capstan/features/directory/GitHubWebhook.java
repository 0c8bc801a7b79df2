package dev.capstan.features.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.features.FeatureContext;
import dev.capstan.github.WebhookDelivery;
import dev.capstan.http.HttpExchange;
import dev.capstan.store.DeliveryLog;
import java.io.IOException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /github/webhook}: checks X-Hub-Signature-256 (401 otherwise) and hands the event to {@link WebhookSync}.
 * The X-GitHub-Delivery id is recorded in the same transaction as the change, so each delivery is applied once and
 * one that failed (answered 500, nothing kept) is applied when redelivered. Events it cannot use get a 2xx.
 */
final class GitHubWebhook implements FeatureContext.Endpoint {
    private static final Logger log = LoggerFactory.getLogger(GitHubWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String secret;
    private final Jdbi jdbi;
    private final DeliveryLog deliveries;
    private final WebhookSync sync;

    GitHubWebhook(String secret, Jdbi jdbi, DeliveryLog deliveries, WebhookSync sync) {
        this.secret = secret;
        this.jdbi = jdbi;
        this.deliveries = deliveries;
        this.sync = sync;
    }

    @Override
    public HttpExchange.Response handle(HttpExchange.Request request) {
        if (secret == null) {
            log.warn("GitHub webhook refused: GITHUB_WEBHOOK_SECRET is not set");
            return HttpExchange.Response.unauthorized();
        }
        WebhookDelivery delivery = WebhookDelivery.of(request, secret);
        if (!delivery.signatureValid()) {
            log.warn("GitHub webhook with a missing or wrong X-Hub-Signature-256 from {}", request.remoteAddress());
            return HttpExchange.Response.unauthorized();
        }
        if (delivery.event() == null || delivery.deliveryId() == null) {
            log.info("GitHub webhook without X-GitHub-Event or X-GitHub-Delivery ignored");
            return text("ignored: missing X-GitHub-Event or X-GitHub-Delivery");
        }
        JsonNode body;
        try {
            body = JSON.readTree(delivery.body());
        } catch (IOException e) {
            log.warn("GitHub delivery {} ({}) is not JSON; ignored", delivery.deliveryId(), delivery.event());
            return text("ignored: body is not JSON");
        }
        try {
            return text(jdbi.inTransaction(h -> {
                if (!deliveries.firstTime("github", delivery.deliveryId())) throw new AlreadyHandled();
                return sync.apply(delivery.event(), body);
            }));
        } catch (AlreadyHandled e) {
            log.info("GitHub delivery {} already handled", delivery.deliveryId());
            return text("already handled");
        } catch (RuntimeException e) {
            log.error("GitHub delivery {} ({}) could not be applied; nothing was recorded, so a redelivery is applied",
                    delivery.deliveryId(), delivery.event(), e);
            return new HttpExchange.Response(500, "text/plain; charset=utf-8", "could not be applied; redeliver it");
        }
    }

    /** Rolls back the transaction of a delivery another request already recorded. */
    private static final class AlreadyHandled extends RuntimeException {
        AlreadyHandled() {
            super(null, null, false, false);
        }
    }

    private static HttpExchange.Response text(String body) {
        return new HttpExchange.Response(200, "text/plain; charset=utf-8", body);
    }
}
