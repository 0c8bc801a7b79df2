package dev.capstan.command;

/**
 * Whether a caller may run a command here, and the reason in words the caller can act on; {@code byCommandPolicy} when
 * the command's own policy (its guard: a declared command's channels and users) said no rather than the access rules.
 */
public record AccessDecision(boolean allowed, String reason, boolean byCommandPolicy) {
    public AccessDecision(boolean allowed, String reason) {
        this(allowed, reason, false);
    }

    static AccessDecision allow(String reason) {
        return new AccessDecision(true, reason);
    }

    static AccessDecision deny(String reason) {
        return new AccessDecision(false, reason);
    }

    static AccessDecision refusedByCommandPolicy(String reason) {
        return new AccessDecision(false, reason, true);
    }
}
