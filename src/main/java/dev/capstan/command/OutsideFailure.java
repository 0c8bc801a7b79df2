package dev.capstan.command;

import java.io.IOException;

/**
 * A failure of something outside Capstan that a command or action let through (Slack's or GitHub's refusal, a lost
 * connection), classed once: whether trying again could help, and what failed in words the caller can act on.
 */
record OutsideFailure(String what, boolean permanent) {
    /** The failure as an outside one, or null when it is a bug of ours. */
    static OutsideFailure of(Exception failure) {
        if (failure instanceof KnownFailure known) return new OutsideFailure(failure.getMessage(), known.permanent());
        if (failure instanceof PermanentFailure) return new OutsideFailure(failure.getMessage(), true);
        if (failure instanceof IOException) return new OutsideFailure("no answer came (" + failure.getMessage() + ")", false);
        return null;
    }
}
