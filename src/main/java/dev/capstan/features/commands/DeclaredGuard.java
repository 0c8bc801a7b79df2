package dev.capstan.features.commands;

import dev.capstan.command.Caller;
import dev.capstan.command.CommandTraits;
import dev.capstan.command.Role;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A declared command's policy as the platform asks it: {@code channels} restrict where, {@code role} or {@code users}
 * grant (either is enough). Help, did-you-mean and denials use it; conditions on argument values are checked once the
 * arguments are known ({@link #refusal(Caller, Map)}).
 */
record DeclaredGuard(String name, Policy policy) implements CommandTraits.Guard {
    @Override
    public Optional<String> refusal(Caller caller) {
        if (!policy.channels().isEmpty() && !policy.channels().contains(caller.channelId())) {
            return Optional.of("`" + name + "` runs only in " + mentions(policy.channels(), "#"));
        }
        return missing(policy.role(), policy.users(), caller).map(needs -> "`" + name + "` needs " + needs);
    }

    /** Why the policy's conditions refuse these argument values to this caller; empty when none does. */
    Optional<String> refusal(Caller caller, Map<String, String> arguments) {
        for (Policy.Rule rule : policy.conditions()) {
            if (!rule.when().holds(arguments)) continue;
            Optional<String> needs = missing(rule.role(), rule.users(), caller);
            if (needs.isPresent()) return Optional.of("`" + name + "` with " + rule.when().source() + " needs " + needs.get());
        }
        return Optional.empty();
    }

    private static Optional<String> missing(Role role, Set<String> users, Caller caller) {
        if (role == null && users.isEmpty()) return Optional.empty();
        if (role != null && caller.role().atLeast(role)) return Optional.empty();
        if (users.contains(caller.userId())) return Optional.empty();
        String needs = role == null ? "to be one of " + mentions(users, "@")
                : users.isEmpty() ? "role " + role.label() : "role " + role.label() + " or to be one of " + mentions(users, "@");
        return Optional.of(needs + ", and you are " + caller.role().label());
    }

    private static String mentions(Set<String> ids, String sigil) {
        return ids.stream().sorted().map(id -> "<" + sigil + id + ">").collect(Collectors.joining(", "));
    }
}
