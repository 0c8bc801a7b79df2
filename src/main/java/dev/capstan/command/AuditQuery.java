package dev.capstan.command;

/**
 * Which audit entries to show, newest first; a null filter matches everything. {@code outcome} is the first word of an
 * entry's outcome ("refused", "denied", "invalid", "error", "ok", …).
 */
public record AuditQuery(String userId, String command, AuditEntry.Kind kind, String outcome, int limit) {
    public AuditQuery(String userId, String command, AuditEntry.Kind kind, int limit) {
        this(userId, command, kind, null, limit);
    }
}
