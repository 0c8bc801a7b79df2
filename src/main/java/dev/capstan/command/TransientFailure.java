package dev.capstan.command;

/** A failure worth retrying (a 502 from GitHub, a timeout): a slow command's job is retried with backoff. */
public class TransientFailure extends RuntimeException {
    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
