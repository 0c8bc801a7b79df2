package dev.capstan.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditLog;
import dev.capstan.command.EventSubscriptions;
import dev.capstan.command.WorkspaceEvent;
import dev.capstan.store.DeliveryLog;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events API deliveries: the event_id is recorded in the same transaction as what the handlers write, so a retry is
 * recognised; each handler runs in its own savepoint, so one that fails (logged with a reference) undoes only its
 * own writes. Every event is audited.
 */
final class SlackEvents {
    private static final Logger log = LoggerFactory.getLogger(SlackEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ID = 200;

    private final EventSubscriptions events;
    private final DeliveryLog deliveries;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    SlackEvents(EventSubscriptions events, DeliveryLog deliveries, Jdbi jdbi, AuditLog audit, Clock clock) {
        this.events = events;
        this.deliveries = deliveries;
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    void receive(String body) throws Exception {
        long started = System.nanoTime();
        JsonNode envelope = JSON.readTree(body);
        String eventId = envelope.path("event_id").isTextual() ? envelope.path("event_id").asText() : null;
        JsonNode event = envelope.path("event");
        if (eventId == null || eventId.isBlank() || eventId.length() > MAX_ID || !event.isObject()) {
            log.info("An event envelope without an event_id or an event was ignored");
            return;
        }
        String type = event.path("type").asText("");
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = JSON.convertValue(event, Map.class);
        WorkspaceEvent workspaceEvent = new WorkspaceEvent(type, eventId, envelope.path("team_id").asText(null), fields);
        String outcome = jdbi.inTransaction(h -> {
            if (!deliveries.firstTime("slack-event", eventId, type, clock.instant())) return "already handled";
            int failed = 0;
            int index = 0;
            for (EventSubscriptions.Handler handler : events.handlersFor(type)) {
                String savepoint = "event_" + index++;
                h.savepoint(savepoint);
                try {
                    handler.handle(workspaceEvent);
                } catch (Exception e) {
                    h.rollbackToSavepoint(savepoint);
                    failed++;
                    log.error("A handler of event {} ({}) failed; its writes were undone (reference {})", eventId, type,
                            UUID.randomUUID().toString().substring(0, 8), e);
                }
            }
            String result = index == 0 ? "nobody subscribes" : failed == 0 ? "ok" : failed + " of " + index + " handlers failed";
            deliveries.recordOutcome("slack-event", eventId, result);
            return result;
        });
        audit.append(AuditEntry.of(AuditEntry.Kind.EVENT, clock.instant(), workspaceEvent.userId(),
                event.path("channel").isTextual() ? event.path("channel").asText() : null, type + " " + eventId, type,
                "event", outcome, Duration.ofNanos(System.nanoTime() - started).toMillis(), null));
    }
}
