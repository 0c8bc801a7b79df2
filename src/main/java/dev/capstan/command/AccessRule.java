package dev.capstan.command;

import java.util.List;
import java.util.Set;

/**
 * One access rule from configuration, for a command ("timereport export"), a family ("timereport") or "*".
 * It can narrow (deny users or channels, restrict to channels, raise the role) or widen (allow users, lower the role).
 */
public record AccessRule(
        String command,
        Role role,
        Set<String> allowUsers,
        Set<String> denyUsers,
        Set<String> allowChannels,
        Set<String> denyChannels) {

    public AccessRule {
        command = command == null ? "*" : command.trim().replaceAll("\\s+", " ");
        allowUsers = allowUsers == null ? Set.of() : Set.copyOf(allowUsers);
        denyUsers = denyUsers == null ? Set.of() : Set.copyOf(denyUsers);
        allowChannels = allowChannels == null ? Set.of() : Set.copyOf(allowChannels);
        denyChannels = denyChannels == null ? Set.of() : Set.copyOf(denyChannels);
    }

    /** Whom the rule lets in: its role, or its allowed users. */
    public Grant grant() {
        return Grant.of(role, allowUsers);
    }

    /** How specific this rule is for a command name, or -1 when it does not apply to it. */
    int specificity(String fullName) {
        if (command.equals("*")) return 0;
        List<String> mine = List.of(command.toLowerCase().split(" "));
        List<String> theirs = List.of(fullName.toLowerCase().split(" "));
        if (mine.size() > theirs.size() || !theirs.subList(0, mine.size()).equals(mine)) return -1;
        return mine.size();
    }
}
