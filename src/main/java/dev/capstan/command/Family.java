package dev.capstan.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/** A group of commands under one word (timereport, team, …); features add their commands here. */
public final class Family {
    private final String name;
    private final String description;
    private final List<CommandEntry> commands = new ArrayList<>();
    private boolean ownSlashCommand;

    Family(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /**
     * Asks for a slash command of the family's own name in the Slack app manifest (/timereport). Families without one
     * are reached through the main command only, which keeps generic words like /team or /user free in a workspace.
     */
    public Family ownSlashCommand() {
        this.ownSlashCommand = true;
        return this;
    }

    public boolean hasOwnSlashCommand() {
        return ownSlashCommand;
    }

    public List<CommandEntry> commands() {
        return Collections.unmodifiableList(commands);
    }

    /**
     * Adds a picocli command class. Its {@code @Command(name)} is its path inside the family ("add", "lock list");
     * a name equal to the family's makes it the command run when no sub-command word matches.
     */
    public Family add(Supplier<? extends CapstanCommand> factory) {
        CapstanCommand sample = factory.get();
        Class<?> type = sample.getClass();
        CommandLine.Command command = type.getAnnotation(CommandLine.Command.class);
        if (command == null) throw new IllegalArgumentException(type.getName() + " lacks @Command");
        CommandInfo info = type.getAnnotation(CommandInfo.class);
        if (info == null) throw new IllegalArgumentException(type.getName() + " lacks @CommandInfo (role, slow)");
        List<String> path = command.name().equals(name) || command.name().isBlank()
                ? List.of() : List.of(command.name().trim().split("\\s+"));
        for (CommandEntry existing : commands) {
            if (existing.path().equals(path)) {
                throw new IllegalArgumentException("Two commands named '" + name + " " + command.name() + "'");
            }
        }
        CommandLines lines = new CommandLines(factory, name, path);
        CommandLine line = lines.describe(sample);
        String synopsis = line.getHelp().synopsis(0).trim().substring(line.getCommandName().length())
                .replace("[-h]", "").replaceAll("\\s+", " ").trim();
        String description = command.description().length > 0 ? command.description()[0] : "";
        commands.add(new CommandEntry(name, path, description, synopsis, info, lines));
        return this;
    }

    /** The registered command for the longest path that the tokens start with. */
    CommandEntry longestMatch(List<String> tokens) {
        CommandEntry best = null;
        for (CommandEntry entry : commands) {
            List<String> path = entry.path();
            if (path.size() <= tokens.size() && startsWithIgnoringCase(tokens, path)
                    && (best == null || path.size() > best.path().size())) {
                best = entry;
            }
        }
        return best;
    }

    CommandEntry root() {
        return commands.stream().filter(c -> c.path().isEmpty()).findFirst().orElse(null);
    }

    private static boolean startsWithIgnoringCase(List<String> tokens, List<String> path) {
        for (int i = 0; i < path.size(); i++) {
            if (!tokens.get(i).equalsIgnoreCase(path.get(i))) return false;
        }
        return true;
    }
}
