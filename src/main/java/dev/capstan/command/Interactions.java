package dev.capstan.command;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Modal submissions routed by the modal's callback id to the family that opened it; free of Slack types. */
public final class Interactions {
    /** A submitted modal: who submitted it, which modal, each input's value by block id, and the modal's metadata. */
    public record Submission(String userId, String callbackId, Map<String, String> values, String privateMetadata) {
        public Submission {
            values = Map.copyOf(values);
        }
    }

    /** What Slack should do with the modal: close it, or show errors next to inputs (block id → message). */
    public record SubmitAnswer(Map<String, String> errors) {
        public SubmitAnswer {
            errors = Map.copyOf(errors);
        }

        public static SubmitAnswer close() {
            return new SubmitAnswer(Map.of());
        }

        public static SubmitAnswer errors(Map<String, String> byBlockId) {
            return new SubmitAnswer(byBlockId);
        }
    }

    /** Validates and acts on one submission; must be quick (queue anything that calls out through the outbox). */
    @FunctionalInterface
    public interface SubmitHandler {
        SubmitAnswer submit(Submission submission) throws Exception;
    }

    private final Map<String, SubmitHandler> submitHandlers = new ConcurrentHashMap<>();

    public void onSubmit(String callbackId, SubmitHandler handler) {
        if (submitHandlers.putIfAbsent(callbackId, handler) != null) {
            throw new IllegalArgumentException("Modal '" + callbackId + "' registered twice");
        }
    }

    public Optional<SubmitHandler> submitHandler(String callbackId) {
        return Optional.ofNullable(submitHandlers.get(callbackId));
    }
}
