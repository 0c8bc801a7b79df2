package dev.capstan.slack;

import com.slack.api.model.view.View;
import dev.capstan.command.Refusal;
import dev.capstan.command.Reply;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Modal submissions routed by the modal's callback id, and clicks on buttons and selects routed by action id, to the
 * family that showed them; a modal's next view is the Slack SDK's {@link View}. Confirmations have their own service.
 */
public final class Interactions {
    /**
     * A submitted modal: who submitted it, which modal, each input's value by block id, the modal's metadata, and the
     * view's id and hash (the same when Slack retries the submission, so they make an idempotency key), and the channel
     * chosen in a conversations select with {@code response_url_enabled} with the response_url Slack gave for it (else null).
     */
    public record Submission(String userId, String callbackId, Map<String, String> values, String privateMetadata,
                             String viewId, String viewHash, String responseChannelId, String responseUrl) {
        public Submission {
            values = Map.copyOf(values);
        }

        public Submission(String userId, String callbackId, Map<String, String> values, String privateMetadata,
                          String viewId, String viewHash) {
            this(userId, callbackId, values, privateMetadata, viewId, viewHash, null, null);
        }

        public Submission(String userId, String callbackId, Map<String, String> values, String privateMetadata) {
            this(userId, callbackId, values, privateMetadata, null, null);
        }
    }

    /**
     * What Slack should do with the modal: close it, show errors next to inputs (block id → message), or show another
     * view in its place ({@code updateView}); {@code refusal} is what the audit log records
     * when a rule refused the submission (null otherwise).
     */
    public record SubmitAnswer(Map<String, String> errors, View updateView, String refusal) {
        public SubmitAnswer {
            errors = Map.copyOf(errors);
        }

        public SubmitAnswer(Map<String, String> errors, View updateView) {
            this(errors, updateView, null);
        }

        /** A rule refused it: its message shows next to the input {@code blockId}, and the audit log records it as refused. */
        public static SubmitAnswer refused(String blockId, Refusal refusal) {
            return new SubmitAnswer(Map.of(blockId, refusal.getMessage()), null, refusal.auditOutcome());
        }

        public static SubmitAnswer close() {
            return new SubmitAnswer(Map.of(), null);
        }

        public static SubmitAnswer errors(Map<String, String> byBlockId) {
            return new SubmitAnswer(byBlockId, null);
        }

        public static SubmitAnswer update(View view) {
            return new SubmitAnswer(Map.of(), view);
        }
    }

    /** Validates and acts on one submission; must be quick (queue anything that calls out through the outbox). */
    @FunctionalInterface
    public interface SubmitHandler {
        SubmitAnswer submit(Submission submission) throws Exception;
    }

    /**
     * A button click or a select choice: who, where, which element and its value; the trigger id can open a modal; the
     * view id is set when the click was inside a modal, the message ts when it was on a message.
     */
    public record Click(String userId, String channelId, String actionId, String value, String triggerId, String viewId,
                        String messageTs) {
        public Click(String userId, String channelId, String actionId, String value, String triggerId) {
            this(userId, channelId, actionId, value, triggerId, null, null);
        }
    }

    /**
     * Answers a click: a reply marked {@link Reply#replacingOriginal()} replaces the clicked message, any other reply is
     * shown to the clicker only (the message stays as it is), and null answers nothing.
     */
    @FunctionalInterface
    public interface ClickHandler {
        Reply click(Click click) throws Exception;
    }

    private final Map<String, SubmitHandler> submitHandlers = new ConcurrentHashMap<>();
    private final Map<String, ClickHandler> clickHandlers = new ConcurrentHashMap<>();

    public void onSubmit(String callbackId, SubmitHandler handler) {
        if (submitHandlers.putIfAbsent(callbackId, handler) != null) {
            throw new IllegalArgumentException("Modal '" + callbackId + "' registered twice");
        }
    }

    public Optional<SubmitHandler> submitHandler(String callbackId) {
        return Optional.ofNullable(submitHandlers.get(callbackId));
    }

    public void onClick(String actionId, ClickHandler handler) {
        if (clickHandlers.putIfAbsent(actionId, handler) != null) {
            throw new IllegalArgumentException("Action '" + actionId + "' registered twice");
        }
    }

    public Optional<ClickHandler> clickHandler(String actionId) {
        return Optional.ofNullable(clickHandlers.get(actionId));
    }

    /** The action ids someone may click, for the log line about one that is not among them. */
    public java.util.Set<String> actionIds() {
        return new java.util.TreeSet<>(clickHandlers.keySet());
    }

    public java.util.Set<String> callbackIds() {
        return new java.util.TreeSet<>(submitHandlers.keySet());
    }
}
