package dev.capstan.store;

import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Remembers inbound delivery ids (Slack event_id, GitHub delivery, CircleCI id) so a retry is acknowledged, not redone. */
public final class DeliveryLog {
    private static final int MAX_OUTCOME = 200;
    private final Jdbi jdbi;
    private final Clock clock;

    public DeliveryLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Records the id; true the first time it is seen, by any replica sharing the database. One atomic statement. */
    public boolean firstTime(String source, String deliveryId) {
        return firstTime(source, deliveryId, null, clock.instant());
    }

    /** The same, noting the event it carried; inside the caller's transaction when there is one. */
    public boolean firstTime(String source, String deliveryId, String event, Instant receivedAt) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        insert into inbound_deliveries (source, delivery_id, received_at, event) values (:s, :d, :at, :e)
                        on conflict do nothing""")
                .bind("s", source).bind("d", deliveryId).bind("at", receivedAt).bind("e", event).execute()) == 1;
    }

    public void recordOutcome(String source, String deliveryId, String outcome) {
        String cut = outcome.length() > MAX_OUTCOME ? outcome.substring(0, MAX_OUTCOME - 1) + "…" : outcome;
        jdbi.useHandle(h -> h.createUpdate("update inbound_deliveries set outcome = :o where source = :s and delivery_id = :d")
                .bind("o", cut).bind("s", source).bind("d", deliveryId).execute());
    }

    /** Forgets at most {@code batch} deliveries received before {@code before}: the retention schedule's part. */
    public int forgetBefore(Instant before, int batch) {
        return BatchedDelete.olderThan(jdbi, "inbound_deliveries", "source, delivery_id", "received_at", before, batch);
    }
}
