package dev.capstan.features.timereport;

import dev.capstan.command.UserError;

/** A change refused because it falls in a locked month; the REST API answers it with 409 Conflict. */
final class MonthLocked extends UserError {
    MonthLocked(String message) {
        super(message);
    }
}
