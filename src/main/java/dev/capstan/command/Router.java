package dev.capstan.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Maps a slash command and its words to a family and command. A slash command named like a family (or an alias of
 * one) enters that family directly; any other slash command is the main entry, whose first word names the family.
 * Help on a family that is one command (whoami, a command declared in configuration) is that command's usage.
 */
public final class Router {
    private static final Set<String> HELP_WORDS = Set.of("help", "-h", "--help", "?");
    private final Commands commands;

    public Router(Commands commands) {
        this.commands = commands;
    }

    /** Routes the words; suggestions for unknown words name only commands that {@code runnable} lets the caller run. */
    public Route route(String slashCommand, List<String> tokens, Predicate<CommandEntry> runnable) {
        String slash = slashCommand.toLowerCase(Locale.ROOT).replaceFirst("^/", "");
        Family family = commands.find(slash);
        List<String> rest = tokens;
        if (family != null) return withinFamily(family, "/" + slash, rest, runnable);

        String main = "/" + slash;
        rest = rewriteShorthands(rest);
        if (rest.isEmpty()) return new Route.TopHelp(main);
        String first = rest.get(0).toLowerCase(Locale.ROOT);
        if (HELP_WORDS.contains(first)) {
            if (rest.size() == 1) return new Route.TopHelp(main);
            Family helped = commands.find(rest.get(1));
            List<Family> topic = commands.topic(rest.get(1));
            if (helped == null && !topic.isEmpty() && rest.size() == 2) {
                return new Route.TopicHelp(rest.get(1).toLowerCase(Locale.ROOT), topic, main);
            }
            if (helped == null) return unknownFamily(main, rest.get(1), runnable);
            List<String> helpRest = new ArrayList<>(List.of("help"));
            helpRest.addAll(rest.subList(2, rest.size()));
            return withinFamily(helped, main + " " + helped.name(), helpRest, runnable);
        }
        family = commands.find(first);
        if (family == null && rest.size() == 1 && !commands.topic(first).isEmpty()) {
            return new Route.TopicHelp(first, commands.topic(first), main);
        }
        if (family == null) return unknownFamily(main, rest.get(0), runnable);
        return withinFamily(family, main + " " + family.name(), rest.subList(1, rest.size()), runnable);
    }

    private Route withinFamily(Family family, String prefix, List<String> rest, Predicate<CommandEntry> runnable) {
        CommandEntry root = family.root();
        boolean onlyRoot = root != null && family.commands().size() == 1;
        if (!rest.isEmpty() && rest.get(0).equalsIgnoreCase("help")) {
            if (rest.size() == 1) return onlyRoot ? new Route.CommandHelp(root, prefix) : new Route.FamilyHelp(family, prefix);
            CommandEntry entry = family.longestMatch(rest.subList(1, rest.size()));
            if (entry == null || entry.path().isEmpty() && family.commands().size() > 1) {
                return unknownCommand(family, prefix, rest.get(1), runnable);
            }
            return new Route.CommandHelp(entry, prefix);
        }
        CommandEntry entry = family.longestMatch(rest);
        if (entry != null && !entry.path().isEmpty()) {
            return new Route.Target(entry, List.copyOf(rest.subList(entry.path().size(), rest.size())), prefix);
        }
        if (rest.isEmpty() || (rest.size() == 1 && HELP_WORDS.contains(rest.get(0).toLowerCase(Locale.ROOT)))) {
            if (root != null && rest.isEmpty() && (onlyRoot || !family.rootNeedsWords())) return new Route.Target(root, List.of(), prefix);
            return onlyRoot ? new Route.CommandHelp(root, prefix) : new Route.FamilyHelp(family, prefix);
        }
        if (root != null) return new Route.Target(root, List.copyOf(rest), prefix);
        return unknownCommand(family, prefix, rest.get(0), runnable);
    }

    private List<String> rewriteShorthands(List<String> tokens) {
        for (Shorthand shorthand : commands.shorthands()) {
            Optional<List<String>> rewritten = shorthand.rewrite(tokens);
            if (rewritten.isPresent()) return rewritten.get();
        }
        return tokens;
    }

    private Route unknownFamily(String main, String typed, Predicate<CommandEntry> runnable) {
        if (typed.startsWith("@") || typed.startsWith("#")) {
            return new Route.Unknown("I don't know `" + typed + "`. " + SlackIds.pickFromTheList(typed), typed);
        }
        List<String> known = new ArrayList<>();
        commands.families().stream().filter(f -> f.commands().stream().anyMatch(runnable)).forEach(f -> known.add(f.name()));
        known.add("help");
        return new Route.Unknown("I don't know `" + typed + "`." + DidYouMean.sentence(typed, known)
                + " Type `" + main + " help` to see what you can run.", typed);
    }

    private Route unknownCommand(Family family, String prefix, String typed, Predicate<CommandEntry> runnable) {
        List<String> longer = family.commands().stream().filter(runnable)
                .filter(c -> c.path().size() > 1 && c.path().get(0).equalsIgnoreCase(typed))
                .map(c -> "`" + prefix + " " + String.join(" ", c.path()) + "`").toList();
        if (!longer.isEmpty()) {
            return new Route.Unknown("`" + prefix + " " + typed + "` needs one more word: " + String.join(", ", longer) + ".",
                    family.name() + " " + typed);
        }
        List<String> known = family.commands().stream().filter(runnable)
                .filter(c -> !c.path().isEmpty()).map(c -> c.path().get(0)).distinct().toList();
        return new Route.Unknown("`" + prefix + " " + typed + "` is not a command." + DidYouMean.sentence(typed, known)
                + " Type `" + prefix + " help` to see its commands.", family.name() + " " + typed);
    }
}
