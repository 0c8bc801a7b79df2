package dev.capstan.command;

/** A problem the caller can fix; its message is shown to them as it is. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message, null, false, false);
    }
}
