package dev.capstan.webhooks;

/**
 * Applies one delivery, inside the transaction that records it: its database writes and the jobs it enqueues commit
 * together, or not at all. Throw {@link WebhookRejected} for a payload that can never be applied (answered 4xx and
 * recorded); anything else rolls back and is answered 500, so that a redelivery applies it.
 */
@FunctionalInterface
public interface WebhookHandler {
    /** Applies the delivery and says in a few words what it did ("created team web"); null when there is nothing to say. */
    String handle(InboundWebhook webhook) throws Exception;
}
