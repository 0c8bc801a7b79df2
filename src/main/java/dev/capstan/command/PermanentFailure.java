package dev.capstan.command;

/**
 * Something outside Capstan refused in a way that trying again cannot fix (Slack's {@code cannot_dm_bot}, GitHub's
 * 422): a job stops at once and says what failed, instead of retrying.
 */
public class PermanentFailure extends RuntimeException {
    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public PermanentFailure(String message) {
        super(message);
    }
}
