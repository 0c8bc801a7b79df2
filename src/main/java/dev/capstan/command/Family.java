package dev.capstan.command;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/** A group of commands under one word (timereport, team, …); features add their commands here. */
public final class Family {
    private final String name;
    private final String description;
    private final List<CommandEntry> commands = new CopyOnWriteArrayList<>();
    private boolean ownSlashCommand;
    private boolean rootNeedsWords;

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
        return add(factory, null);
    }

    /**
     * Adds a picocli command class whose least role comes from the family's settings instead of its
     * {@code @CommandInfo} (null: that one), e.g. deploybot's {@code setup}, anyone's unless a team makes it a team lead's.
     */
    public Family add(Supplier<? extends CapstanCommand> factory, Role leastRole) {
        CapstanCommand sample = factory.get();
        Class<?> type = sample.getClass();
        CommandLine.Command command = type.getAnnotation(CommandLine.Command.class);
        if (command == null) throw new IllegalArgumentException(type.getName() + " lacks @Command");
        CommandInfo info = type.getAnnotation(CommandInfo.class);
        if (info == null) throw new IllegalArgumentException(type.getName() + " lacks @CommandInfo (role, slow)");
        List<String> path = path(command.name());
        CommandLine line = PicocliCommands.commandLine(sample, name, path);
        String description = command.description().length > 0 ? command.description()[0] : "";
        CommandTraits traits = leastRole == null ? CommandTraits.of(info) : new CommandTraits(leastRole, info.slow());
        return register(path, description, line, traits, CommandLines.ofClass(factory, name, path));
    }

    /** Adds a command declared as data; see {@link DeclaredCommand}. */
    public Family add(DeclaredCommand declared) {
        List<String> path = path(declared.name());
        CommandLine line = PicocliCommands.commandLine(declared.spec().get(), name, path);
        String[] description = line.getCommandSpec().usageMessage().description();
        return register(path, description.length > 0 ? description[0] : "", line, declared.traits(),
                CommandLines.ofDeclared(declared, name, path));
    }

    private Family register(List<String> path, String description, CommandLine line, CommandTraits traits, CommandLines lines) {
        for (CommandEntry existing : commands) {
            if (existing.path().equals(path)) {
                throw new IllegalArgumentException("Two commands named '" + name + " " + String.join(" ", path) + "'");
            }
        }
        String synopsis = line.getHelp().synopsis(0).trim().substring(line.getCommandName().length())
                .replace("[-h]", "").replaceAll("\\s+", " ").trim();
        commands.add(new CommandEntry(name, path, description, synopsis, traits, lines));
        if (path.isEmpty()) rootNeedsWords = needsWords(line);
        return this;
    }

    private List<String> path(String commandName) {
        return commandName.equals(name) || commandName.isBlank() ? List.of() : List.of(commandName.trim().split("\\s+"));
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

    /**
     * Whether the family's default command needs words to run ({@code /deploy <ref> to <env>}): then the family word
     * alone shows the family's help instead of running it, whereas {@code /flush} alone opens its form. A family that is
     * that one command alone runs it, so the reply says which words are missing next to its usage.
     */
    boolean rootNeedsWords() {
        return rootNeedsWords;
    }

    private static boolean needsWords(CommandLine line) {
        return line.getCommandSpec().positionalParameters().stream().anyMatch(p -> p.arity().min() > 0)
                || line.getCommandSpec().options().stream().anyMatch(CommandLine.Model.OptionSpec::required);
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
