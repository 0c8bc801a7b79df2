package dev.capstan.features.commands;

import dev.capstan.command.Role;
import java.util.List;
import java.util.Set;

/**
 * Who may run a declared command, where, and how: {@code role} or {@code users} grant (either is enough; neither given
 * means every member), {@code channels} restricts where, each condition asks more when it holds, {@code confirmWhen}
 * asks "are you sure?", and {@code concurrency} names a key of which one run at a time goes.
 */
record Policy(Role role, Set<String> users, Set<String> channels, List<Rule> conditions, Condition confirmWhen, Template concurrency) {
    Policy {
        users = Set.copyOf(users);
        channels = Set.copyOf(channels);
        conditions = List.copyOf(conditions);
    }

    /** When {@code when} holds for the arguments, the caller also needs {@code role} or to be one of {@code users}. */
    record Rule(Condition when, Role role, Set<String> users) {
        Rule {
            users = Set.copyOf(users);
        }
    }

    static Policy open() {
        return new Policy(null, Set.of(), Set.of(), List.of(), null, null);
    }
}
