package dev.capstan.webhooks;

/** A delivery that no redelivery could fix (a name too long, a field missing): answered 422, recorded, not retried. */
public final class WebhookRejected extends RuntimeException {
    public WebhookRejected(String reason) {
        super(reason);
    }
}
