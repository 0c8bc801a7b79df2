package dev.capstan.command;

import java.time.Instant;

/** Durable work queue for what must not run inside Slack's 3-second window. */
public interface JobQueue {
    /**
     * Queues a slow command for a worker under {@code jobId}, and records its audit entry ({@code queued}, which names
     * that job) in the same transaction, so that neither exists without the other; returns the entry's id.
     */
    long enqueueCommand(String jobId, Invocation invocation, AuditEntry queued);

    /**
     * Queues a confirmed action declared slow; the outcome replaces the confirmation message through the click's
     * response_url, or reaches its owner by DM once that has expired.
     */
    void enqueueConfirmation(String pendingActionId, String ownerId, String responseUrl, Instant clickedAt);
}
