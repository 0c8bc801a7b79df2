package dev.capstan.command;

/** Whether a caller may run a command here, and the reason in words the caller can act on. */
public record AccessDecision(boolean allowed, String reason) {
    static AccessDecision allow(String reason) {
        return new AccessDecision(true, reason);
    }

    static AccessDecision deny(String reason) {
        return new AccessDecision(false, reason);
    }
}
