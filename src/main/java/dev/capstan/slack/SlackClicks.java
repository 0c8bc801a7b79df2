package dev.capstan.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditLog;
import dev.capstan.command.Confirmations;
import dev.capstan.command.Destination;
import dev.capstan.command.Refusal;
import dev.capstan.command.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Button clicks and select choices (block_actions): confirmations, the families' own buttons, and buttons nobody
 * knows any more, whose clicker is told so. Every click is audited by its action id.
 */
final class SlackClicks {
    private static final Logger log = LoggerFactory.getLogger(SlackClicks.class);

    private final Confirmations confirmations;
    private final Interactions interactions;
    private final SlackAdapter.Continuation replies;
    private final AuditLog audit;
    private final Clock clock;

    SlackClicks(Confirmations confirmations, Interactions interactions, SlackAdapter.Continuation replies, AuditLog audit, Clock clock) {
        this.confirmations = confirmations;
        this.interactions = interactions;
        this.replies = replies;
        this.audit = audit;
        this.clock = clock;
    }

    void click(BlockActionPayload payload) {
        if (payload.getUser() == null || payload.getUser().getId() == null || payload.getActions() == null
                || payload.getActions().isEmpty() || payload.getActions().get(0).getActionId() == null) {
            log.info("A block_actions payload without a user or an action was ignored");
            return;
        }
        long started = System.nanoTime();
        BlockActionPayload.Action action = payload.getActions().get(0);
        String actionId = action.getActionId();
        String userId = payload.getUser().getId();
        boolean confirm = Confirmations.CONFIRM_ACTION_ID.equals(actionId);
        if (confirm || Confirmations.CANCEL_ACTION_ID.equals(actionId)) {
            if (action.getValue() == null) return;
            Confirmations.ClickResult result = confirmations.click(userId, action.getValue(), confirm, payload.getResponseUrl());
            reply(payload, userId, result.reply());
            return;
        }
        String channelId = payload.getChannel() == null ? null : payload.getChannel().getId();
        String value = action.getSelectedOption() != null ? action.getSelectedOption().getValue() : action.getValue();
        String outcome;
        var handler = interactions.clickHandler(actionId);
        if (handler.isEmpty()) {
            log.warn("A click on unknown action '{}' by {}; known actions: {}", actionId, userId, interactions.actionIds());
            reply(payload, userId, Reply.text(":warning: This button no longer works (it may come from an older version of "
                    + "Capstan). Run the command again to get a fresh one."));
            outcome = "unknown action";
        } else {
            outcome = run(handler.get(), payload, userId, channelId, actionId, value);
        }
        audit.append(AuditEntry.of(AuditEntry.Kind.CLICK, clock.instant(), userId, channelId,
                actionId + (value == null ? "" : " " + value), actionId, "click", outcome,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), null));
    }

    private String run(Interactions.ClickHandler handler, BlockActionPayload payload, String userId, String channelId,
                       String actionId, String value) {
        String viewId = payload.getView() == null ? null : payload.getView().getId();
        String messageTs = payload.getContainer() == null ? null : payload.getContainer().getMessageTs();
        try {
            Reply reply = handler.click(new Interactions.Click(userId, channelId, actionId, value, payload.getTriggerId(),
                    viewId, messageTs));
            if (reply != null) reply(payload, userId, reply);
            return "ok";
        } catch (Refusal e) {
            reply(payload, userId, Reply.text(e.getMessage()));
            return e.auditOutcome();
        } catch (Exception e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Handling a click on {} failed (reference {})", actionId, reference, e);
            reply(payload, userId, Reply.text(":warning: That click did not work; it is logged with reference `" + reference + "`."));
            return "error: " + e.getClass().getSimpleName() + " (" + reference + ")";
        }
    }

    private void reply(BlockActionPayload payload, String userId, Reply reply) {
        if (payload.getResponseUrl() != null) {
            replies.send(new Destination.ResponseUrl(payload.getResponseUrl(), userId, clock.instant()), reply, 0);
        } else if (!reply.replaceOriginal()) {
            replies.send(new Destination.DirectMessage(userId), reply, 0);
        }
    }
}
