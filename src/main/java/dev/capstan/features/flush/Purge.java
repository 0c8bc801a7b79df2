package dev.capstan.features.flush;

import java.time.Instant;

/**
 * A purge as recorded: its order, who asked and when, the modal it came from (if any, with the submitted view's hash)
 * and how it ended (once it has).
 */
record Purge(String id, PurgeOrder order, String requestedBy, Instant requestedAt, String viewId, String viewHash, Outcome outcome,
             Instant finishedAt) {
    /** How a purge ended over all its calls. */
    enum Outcome { SUCCEEDED, PARTIAL, FAILED }

    boolean finished() {
        return finishedAt != null;
    }
}
