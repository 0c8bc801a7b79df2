package dev.capstan.command;

import java.time.Instant;
import java.util.Optional;

/** Storage of pending actions; {@link #claim} must be atomic so that a second click, on any replica, does nothing. */
public interface PendingActions {
    void save(PendingAction action);

    Optional<PendingAction> find(String id);

    /** Moves a pending, unexpired action owned by {@code userId} to {@code state}; false if any of that does not hold. */
    boolean claim(String id, String userId, PendingAction.State state, Instant now);

    void recordOutcome(String id, String outcome);
}
