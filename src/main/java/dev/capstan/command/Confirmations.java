package dev.capstan.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "Are you sure?" as a platform service: pending actions with an owner and an expiry, run at most once. */
public final class Confirmations {
    public static final String CONFIRM_ACTION_ID = "capstan.confirm";
    public static final String CANCEL_ACTION_ID = "capstan.cancel";
    private static final Logger log = LoggerFactory.getLogger(Confirmations.class);
    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private record Registered<T>(Class<T> type, boolean slow, ConfirmedAction<T> action) { }

    private final Map<String, Registered<?>> actions = new ConcurrentHashMap<>();
    private final PendingActions store;
    private final People people;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration ttl;
    private final Outbox outbox;
    private final JobQueue jobs;

    public Confirmations(PendingActions store, People people, AuditLog audit, Clock clock, Duration ttl, Outbox outbox, JobQueue jobs) {
        this.store = store;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
        this.ttl = ttl;
        this.outbox = outbox;
        this.jobs = jobs;
    }

    /** Registers what runs when someone confirms a question of this type; {@code slow} actions run as a durable job. */
    public <T> void register(ConfirmationType<T> type, boolean slow, ConfirmedAction<T> action) {
        if (actions.putIfAbsent(type.kind(), new Registered<>(type.payloadType(), slow, action)) != null) {
            throw new IllegalArgumentException("Confirmed action '" + type.kind() + "' registered twice");
        }
    }

    <T> Reply ask(CommandContext context, String question, ConfirmationType<T> type, T payload) {
        String kind = type.kind();
        if (!actions.containsKey(kind)) throw new IllegalStateException("No confirmed action registered for " + kind);
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String json;
        try {
            json = JSON.writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot store payload of " + kind, e);
        }
        store.save(new PendingAction(id, kind, context.userId(), context.caller().channelId(), json, question,
                now, now.plus(ttl), PendingAction.State.PENDING, null));
        long minutes = ttl.toMinutes();
        return Reply.blocks(question, List.of(
                new Block.Section(question),
                new Block.Actions(List.of(
                        new Block.Button("Confirm", CONFIRM_ACTION_ID, id, Block.Button.Style.PRIMARY),
                        new Block.Button("Cancel", CANCEL_ACTION_ID, id, Block.Button.Style.DEFAULT))),
                new Block.Context("Only <@" + context.userId() + "> can confirm. Expires in " + minutes + " minutes.")));
    }

    /**
     * What a click produced: a reply that replaces the confirmation message, or a note for the clicker only; and what
     * the audit log records when a rule refused the confirmed action (null otherwise).
     */
    public record ClickResult(Reply reply, boolean replacesMessage, String refusal) {
        public ClickResult(Reply reply, boolean replacesMessage) {
            this(reply, replacesMessage, null);
        }
    }

    /** Handles a Confirm or Cancel click and records it in the audit log like any invocation. */
    public ClickResult click(String userId, String pendingId, boolean confirm, String responseUrl) {
        long started = System.nanoTime();
        ClickResult result = decideClick(userId, pendingId, confirm, responseUrl);
        Optional<PendingAction> action = store.find(pendingId);
        String question = action.map(PendingAction::question).orElse("unknown confirmation " + pendingId);
        audit.append(new AuditEntry(0, clock.instant(), userId, action.map(PendingAction::channelId).orElse(null),
                "[" + (confirm ? "Confirm" : "Cancel") + "] " + question, action.map(PendingAction::kind).orElse(null),
                confirm ? "confirm" : "cancel", result.refusal() != null ? result.refusal()
                        : result.replacesMessage() ? result.reply().text() : "refused: " + result.reply().text(),
                (System.nanoTime() - started) / 1_000_000, null));
        return result;
    }

    private ClickResult decideClick(String userId, String pendingId, boolean confirm, String responseUrl) {
        Optional<PendingAction> found = store.find(pendingId);
        if (found.isEmpty()) {
            return new ClickResult(Reply.text("This confirmation is unknown; it may have been cleaned up. Run the command again."), false);
        }
        PendingAction action = found.get();
        Instant now = clock.instant();
        PendingAction.State target = confirm ? PendingAction.State.CONFIRMED : PendingAction.State.CANCELLED;
        if (!store.claim(pendingId, userId, target, now)) {
            return explainRefusal(action, userId, now);
        }
        if (!confirm) {
            store.recordOutcome(pendingId, "cancelled");
            return new ClickResult(Reply.text("Cancelled: " + action.question()).replacingOriginal(), true);
        }
        Registered<?> registered = actions.get(action.kind());
        if (registered != null && registered.slow()) {
            jobs.enqueueConfirmation(pendingId, userId, responseUrl, now);
            return new ClickResult(Reply.text(":hourglass_flowing_sand: Working on it…").replacingOriginal(), true);
        }
        Ran ran = runConfirmed(action, false);
        return new ClickResult(ran.reply().replacingOriginal(), true, ran.refusal());
    }

    /** A confirmed action's reply, and the audit outcome when a rule refused it. */
    private record Ran(Reply reply, String refusal) { }

    /**
     * Runs a claimed slow action in a job worker. A {@link TransientFailure} propagates so that the job retries;
     * the action only ever runs to completion once, since its outcome is recorded when it succeeds.
     */
    public Reply runConfirmed(String pendingId) {
        return store.find(pendingId).map(action -> runConfirmed(action, true).reply())
                .orElse(Reply.text("This confirmation no longer exists."));
    }

    /** What the owner is told when the job worker gave up on a slow action: what failed, and that it may be partly done. */
    public Reply gaveUp(String pendingId, String whatFailed) {
        store.recordOutcome(pendingId, "error: gave up: " + whatFailed);
        String question = store.find(pendingId).map(PendingAction::question).orElse("that action");
        return Reply.text(":warning: I gave up on \u201c" + question + "\u201d: " + whatFailed
                + ". It may be partly done; check, then run the command again.");
    }

    private Ran runConfirmed(PendingAction action, boolean inWorker) {
        Registered<?> registered = actions.get(action.kind());
        if (registered == null) {
            return new Ran(Reply.text("Nothing knows how to finish this action any more (" + action.kind() + ")."), null);
        }
        Caller caller = new Caller(action.ownerId(), action.channelId(), people.roleOf(action.ownerId()));
        CommandContext context = new CommandContext(caller, null, clock, this, outbox, action.kind());
        Reply reply;
        try {
            reply = execute(registered, context, action.payloadJson());
            store.recordOutcome(action.id(), "done");
        } catch (Refusal e) {
            store.recordOutcome(action.id(), e.auditOutcome());
            return new Ran(Reply.text(e.getMessage()), e.auditOutcome());
        } catch (UserError e) {
            reply = Reply.text(e.getMessage());
            store.recordOutcome(action.id(), "refused: " + e.getMessage());
        } catch (TransientFailure e) {
            if (inWorker) throw e;
            reply = Reply.text(":warning: That failed: " + e.getMessage() + ". Nothing more was done; run the command again.");
            store.recordOutcome(action.id(), "error: " + e.getMessage());
        } catch (Exception e) {
            OutsideFailure outside = OutsideFailure.of(e);
            if (outside == null) return new Ran(failedOnOurSide(action, e), null);
            if (!outside.permanent() && inWorker) throw new TransientFailure(outside.what(), e);
            reply = Reply.text(":warning: That failed: " + outside.what() + ". Nothing more was done"
                    + (outside.permanent() ? "." : "; run the command again."));
            store.recordOutcome(action.id(), "error: " + outside.what());
        }
        return new Ran(reply, null);
    }

    private Reply failedOnOurSide(PendingAction action, Exception e) {
        log.error("Confirmed action {} ({}) failed", action.id(), action.kind(), e);
        store.recordOutcome(action.id(), "error: " + e.getClass().getSimpleName());
        return Reply.text("Something went wrong while doing that; nothing more was done. Reference: " + action.id());
    }

    private static <T> Reply execute(Registered<T> registered, CommandContext context, String json) throws Exception {
        T payload = JSON.readValue(json, registered.type());
        return registered.action().run(context, payload);
    }

    private ClickResult explainRefusal(PendingAction action, String userId, Instant now) {
        if (!action.ownerId().equals(userId)) {
            return new ClickResult(Reply.text("Only <@" + action.ownerId() + "> can answer this confirmation."), false);
        }
        if (action.state() != PendingAction.State.PENDING) {
            String what = action.state() == PendingAction.State.CONFIRMED ? "confirmed" : "cancelled";
            return new ClickResult(Reply.text("This was already " + what + "; nothing was done twice."), false);
        }
        if (!now.isBefore(action.expiresAt())) {
            return new ClickResult(Reply.text("This confirmation expired; nothing was done. Run the command again: "
                    + action.question()).replacingOriginal(), true);
        }
        return new ClickResult(Reply.text("This confirmation was already answered; nothing was done twice."), false);
    }
}
