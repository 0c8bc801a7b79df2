package dev.capstan.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * "Least role, or one of these users": who a rule lets in (a deployment's deployers, a declared command's users, a
 * site's allow-list), decided and put into words in one place, for help, summaries and refusals alike.
 */
public record Grant(Role least, List<String> users) {
    public Grant {
        users = users == null ? List.of() : List.copyOf(new LinkedHashSet<>(users));
    }

    /** Users keep the order given (a configuration's order); duplicates are dropped. */
    public static Grant of(Role least, Collection<String> users) {
        return new Grant(least, users == null ? List.of() : new ArrayList<>(users));
    }

    public static Grant role(Role least) {
        return new Grant(least, List.of());
    }

    /** Whether the grant names no one and no role: a rule without it restricts nothing. */
    public boolean empty() {
        return least == null && users.isEmpty();
    }

    /** Whether this person, with this role, is let in: named, or with the least role or above. */
    public boolean allows(String userId, Role role) {
        return names(userId) || least != null && role != null && role.atLeast(least);
    }

    /** Whether the grant names this person. */
    public boolean names(String userId) {
        return userId != null && users.contains(userId);
    }

    /** Who, as a noun: "someone with role deployer or above, or <@U1>, <@U2>"; "nobody" when the grant is empty. */
    public String who() {
        List<String> parts = new ArrayList<>();
        if (least != null) parts.add("someone with role " + least.label() + (least == Role.ADMIN ? "" : " or above"));
        if (!users.isEmpty()) parts.add(mentions());
        return parts.isEmpty() ? "nobody" : String.join(", or ", parts);
    }

    /** What a refused caller needs: "role deployer or to be one of <@U1>, <@U2>". */
    public String needs() {
        if (least == null) return "to be one of " + mentions();
        return users.isEmpty() ? "role " + least.label() : "role " + least.label() + " or to be one of " + mentions();
    }

    private String mentions() {
        return String.join(", ", users.stream().map(u -> "<@" + u + ">").toList());
    }

    @Override
    public String toString() {
        return who();
    }
}
