package dev.capstan.store;

import java.sql.SQLException;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Remembers inbound delivery ids (Slack event_id, GitHub delivery, CircleCI id) so a retry is acknowledged, not redone. */
public final class DeliveryLog {
    private static final String UNIQUE_VIOLATION = "23505";
    private final Jdbi jdbi;
    private final Clock clock;

    public DeliveryLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Records the id; true the first time it is seen, by any replica sharing the database. */
    public boolean firstTime(String source, String deliveryId) {
        try {
            jdbi.useHandle(h -> h.createUpdate("insert into inbound_deliveries (source, delivery_id, received_at) values (:s, :d, :at)")
                    .bind("s", source).bind("d", deliveryId).bind("at", clock.instant()).execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) return false;
            throw e;
        }
    }
}
