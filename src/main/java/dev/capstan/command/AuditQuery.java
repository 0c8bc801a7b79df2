package dev.capstan.command;

/** Which audit entries to show, newest first; a null filter matches everything. */
public record AuditQuery(String userId, String command, AuditEntry.Kind kind, int limit) {
}
