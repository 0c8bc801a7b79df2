package dev.capstan.command;

import java.time.Instant;

/** An action waiting for its owner's confirmation; lives on the server so nothing is rebuilt from the message. */
public record PendingAction(
        String id,
        String kind,
        String ownerId,
        String channelId,
        String payloadJson,
        String question,
        Instant createdAt,
        Instant expiresAt,
        State state,
        String outcome) {

    public enum State { PENDING, CONFIRMED, CANCELLED }
}
