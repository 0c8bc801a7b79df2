package dev.capstan.command;

import java.time.Clock;

/** What a running command may know and use: the caller, the invocation, the clock, confirmations and the outbox. */
public final class CommandContext {
    private final Caller caller;
    private final Invocation invocation;
    private final Clock clock;
    private final Confirmations confirmations;
    private final Outbox outbox;
    private final String displayName;

    public CommandContext(Caller caller, Invocation invocation, Clock clock, Confirmations confirmations,
                          Outbox outbox, String displayName) {
        this.caller = caller;
        this.invocation = invocation;
        this.clock = clock;
        this.confirmations = confirmations;
        this.outbox = outbox;
        this.displayName = displayName;
    }

    public Caller caller() {
        return caller;
    }

    public String userId() {
        return caller.userId();
    }

    public Role role() {
        return caller.role();
    }

    public boolean isAdmin() {
        return caller.role() == Role.ADMIN;
    }

    /** The slash command as Slack sent it; for a confirmed action, the one that asked for confirmation is not kept. */
    public Invocation invocation() {
        return invocation;
    }

    public Clock clock() {
        return clock;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** How the caller reached this command, e.g. "/timereport add", for messages that quote it. */
    public String displayName() {
        return displayName;
    }

    /** Asks the caller "are you sure?"; when they confirm, the action registered for {@code type} runs with {@code payload}. */
    public <T> Reply confirm(String question, ConfirmationType<T> type, T payload) {
        return confirmations.ask(this, question, type, payload);
    }
}
