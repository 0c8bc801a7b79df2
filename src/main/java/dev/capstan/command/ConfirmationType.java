package dev.capstan.command;

/**
 * A kind of "are you sure?" with its payload type, handed out when a family registers it, so that asking for a
 * confirmation cannot name a kind that does not exist or pass a payload of the wrong type.
 */
public record ConfirmationType<T>(String kind, Class<T> payloadType) {
    public ConfirmationType {
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("A confirmation needs a kind");
    }
}
