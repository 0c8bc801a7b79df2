package dev.capstan.command;

import java.util.List;

/** Where every invocation is recorded: who, where, what, the access decision, the outcome and how long it took. */
public interface AuditLog {
    /** Records and returns the entry's id; for entries that something else will refer to (a slow command's job). */
    long record(AuditEntry entry);

    /** Records several entries at once and returns their ids in the same order: slow commands queued together. */
    default List<Long> recordAll(List<AuditEntry> entries) {
        return entries.stream().map(this::record).toList();
    }

    /** Records without making the caller wait for the database; reads on this replica still see it. */
    default void append(AuditEntry entry) {
        record(entry);
    }

    /** A slow command's outcome for its entry, and the time its run took. */
    record Outcome(long id, String outcome, long durationMs) { }

    /** A slow command's job reports its outcome when it finishes. */
    void complete(long id, String outcome, long durationMs);

    /** Several slow commands' outcomes at once: workers that finished together. */
    default void completeAll(List<Outcome> outcomes) {
        outcomes.forEach(o -> complete(o.id(), o.outcome(), o.durationMs()));
    }

    /** Whether a slow command's entry has its outcome, i.e. the command ran and its job recorded that it did. */
    boolean completed(long id);

    /** Newest first. */
    List<AuditEntry> latest(AuditQuery query);

    /** Newest first; null filters match everything. */
    default List<AuditEntry> latest(String userId, String command, int limit) {
        return latest(new AuditQuery(userId, command, null, limit));
    }
}
