package dev.capstan.features.commands;

import dev.capstan.command.Grant;
import java.util.List;
import java.util.Set;

/**
 * Who may run a declared command, where, and how: its {@code role} or {@code users} grant (either is enough; neither
 * given means every member), {@code channels} restricts where, each condition asks more when it holds, {@code confirmWhen}
 * asks "are you sure?", and {@code concurrency} names a key of which one run at a time goes.
 */
record CommandPolicy(Grant grant, Set<String> channels, List<Rule> conditions, Condition confirmWhen, Template concurrency) {
    CommandPolicy {
        channels = Set.copyOf(channels);
        conditions = List.copyOf(conditions);
    }

    /** When {@code when} holds for the arguments, the caller also needs what {@code grant} says. */
    record Rule(Condition when, Grant grant) { }

    static CommandPolicy open() {
        return new CommandPolicy(new Grant(null, List.of()), Set.of(), List.of(), null, null);
    }
}
