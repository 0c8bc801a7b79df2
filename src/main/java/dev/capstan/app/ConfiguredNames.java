package dev.capstan.app;

import dev.capstan.command.AccessRule;
import dev.capstan.command.CommandEntry;
import dev.capstan.command.Commands;
import dev.capstan.command.DidYouMean;
import dev.capstan.command.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the names configuration uses against what this build registered, so a typo in an alias or an access rule
 * stops start-up with the fix instead of quietly reaching the wrong command or guarding nothing.
 */
final class ConfiguredNames {
    static final String MAIN = "capstan";

    private ConfiguredNames() {
    }

    /** Registers the aliases whose target exists; a built-in alias of a family this build lacks is left out quietly. */
    static List<String> applyAliases(Commands commands, Map<String, String> aliases, Map<String, String> builtIn) {
        List<String> problems = new ArrayList<>();
        List<String> targets = new ArrayList<>(List.of(MAIN));
        commands.families().forEach(family -> targets.add(family.name()));
        aliases.forEach((alias, target) -> {
            String wanted = target.toLowerCase(Locale.ROOT).replaceFirst("^/", "");
            if (targets.contains(wanted)) {
                commands.alias(alias, wanted);
            } else if (!target.equals(builtIn.get(alias))) {
                problems.add("aliases: `" + alias + "` points at `" + target + "`, which is neither `" + MAIN
                        + "` (the main entry) nor a family." + DidYouMean.sentence(wanted, targets));
            }
        });
        return problems;
    }

    /** Every access rule must name "*", a family, a command (or a group of commands) of one, or a name a family guards. */
    static List<String> checkAccessRules(Commands commands, List<AccessRule> rules) {
        List<String> names = new ArrayList<>();
        for (Family family : commands.families()) {
            names.add(family.name());
            for (CommandEntry entry : family.commands()) {
                List<String> path = entry.path();
                for (int i = 1; i <= path.size(); i++) {
                    String name = family.name() + " " + String.join(" ", path.subList(0, i));
                    if (!names.contains(name)) names.add(name);
                }
            }
        }
        commands.guardedNames().stream().filter(name -> !names.contains(name)).forEach(names::add);
        List<String> problems = new ArrayList<>();
        for (AccessRule rule : rules) {
            String command = rule.command().toLowerCase(Locale.ROOT);
            if (!command.equals("*") && !names.contains(command)) {
                problems.add("access: the rule for `" + rule.command() + "` names no command of this build."
                        + DidYouMean.sentence(command, names));
            }
        }
        return problems;
    }
}
