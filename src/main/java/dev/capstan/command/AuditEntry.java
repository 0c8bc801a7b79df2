package dev.capstan.command;

import java.time.Instant;

/** One invocation as the audit log keeps it. */
public record AuditEntry(
        long id,
        Instant at,
        String userId,
        String channelId,
        String rawText,
        String command,
        String decision,
        String outcome,
        long durationMs,
        String jobId) {
}
