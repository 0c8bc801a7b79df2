package dev.capstan.features.commands;

import dev.capstan.command.Caller;
import dev.capstan.command.CommandTraits;
import dev.capstan.command.Grant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A declared command's policy as the platform asks it: {@code channels} restrict where, {@code role} or {@code users}
 * grant (either is enough). Help, did-you-mean and denials use it; conditions on argument values are checked once the
 * arguments are known ({@link #refusal(Caller, Map)}).
 */
record DeclaredGuard(String name, CommandPolicy policy) implements CommandTraits.Guard {
    @Override
    public Optional<String> refusal(Caller caller) {
        if (!policy.channels().isEmpty() && !policy.channels().contains(caller.channelId())) {
            return Optional.of("`" + name + "` runs only in " + mentions(policy.channels(), "#"));
        }
        return missing(policy.grant(), caller).map(needs -> "`" + name + "` needs " + needs);
    }

    /** Why the policy's conditions refuse these argument values to this caller; empty when none does. */
    Optional<String> refusal(Caller caller, Map<String, String> arguments) {
        for (CommandPolicy.Rule rule : policy.conditions()) {
            if (!rule.when().holds(arguments)) continue;
            Optional<String> needs = missing(rule.grant(), caller);
            if (needs.isPresent()) return Optional.of("`" + name + "` with " + rule.when().source() + " needs " + needs.get());
        }
        return Optional.empty();
    }

    private static Optional<String> missing(Grant grant, Caller caller) {
        if (grant.empty() || grant.allows(caller.userId(), caller.role())) return Optional.empty();
        return Optional.of(grant.needs() + ", and you are " + caller.role().label());
    }

    private static String mentions(Set<String> ids, String sigil) {
        return ids.stream().sorted().map(id -> "<" + sigil + id + ">").collect(Collectors.joining(", "));
    }
}
