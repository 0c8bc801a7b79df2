package dev.capstan.command;

import java.time.Instant;

/** Durable work queue for what must not run inside Slack's 3-second window. */
public interface JobQueue {
    /** Queues a slow command for a worker under {@code jobId}, the id the audit log records. */
    void enqueueCommand(String jobId, Invocation invocation, long auditId);

    /**
     * Queues a confirmed action declared slow; the outcome replaces the confirmation message through the click's
     * response_url, or reaches its owner by DM once that has expired.
     */
    void enqueueConfirmation(String pendingActionId, String ownerId, String responseUrl, Instant clickedAt);
}
