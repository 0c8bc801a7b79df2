package dev.capstan.jobs;

import dev.capstan.command.KnownFailure;
import dev.capstan.command.PermanentFailure;
import dev.capstan.command.TransientFailure;
import dev.capstan.command.UserError;
import java.io.IOException;

/** Why a job stopped trying: what failed, in words a person can act on, after how many attempts, and whether retrying could have helped. */
public record JobFailure(String what, int attempts, boolean permanent, Throwable cause) {
    static JobFailure of(Throwable failure, int attempts) {
        boolean permanent = failure instanceof PermanentFailure || failure instanceof UserError
                || (failure instanceof KnownFailure known && known.permanent());
        String what = expected(failure) ? failure.getMessage() : "an unexpected " + failure.getClass().getSimpleName() + " (see the log)";
        return new JobFailure(what, attempts, permanent, failure);
    }

    /** A failure of the world outside, which speaks for itself; anything else is a bug, worth a stack trace. */
    static boolean expected(Throwable failure) {
        return failure instanceof TransientFailure || failure instanceof PermanentFailure || failure instanceof UserError
                || failure instanceof KnownFailure || failure instanceof IOException;
    }

    /** "the upload to Slack was refused: not_in_channel (after 1 attempt)". */
    public String sentence() {
        return what + " (after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ")";
    }
}
