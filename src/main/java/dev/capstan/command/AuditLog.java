package dev.capstan.command;

import java.util.List;

/** Where every invocation is recorded: who, where, what, the access decision, the outcome and how long it took. */
public interface AuditLog {
    long record(AuditEntry entry);

    /** A slow command's job reports its outcome when it finishes. */
    void complete(long id, String outcome, long durationMs);

    /** Newest first; null filters match everything. */
    List<AuditEntry> latest(String userId, String command, int limit);
}
