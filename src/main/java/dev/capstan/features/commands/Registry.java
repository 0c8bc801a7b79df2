package dev.capstan.features.commands;

import dev.capstan.command.CommandTraits;
import dev.capstan.command.DeclaredCommand;
import dev.capstan.command.Family;
import dev.capstan.command.ReplaceableFamilies;
import dev.capstan.command.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts declared commands into the platform's registry, each as a family of one command ({@code /capstan restart}, help
 * next to the built-in ones, aliases and access rules by its name), and swaps the set whole on a reload.
 */
final class Registry {
    private final ReplaceableFamilies commands;
    private final Catalog catalog;
    private final RunDeclared runner;
    private final Clock clock;

    Registry(ReplaceableFamilies commands, Catalog catalog, RunDeclared runner, Clock clock) {
        this.commands = commands;
        this.catalog = catalog;
        this.runner = runner;
        this.clock = clock;
    }

    /** Names that some other part of Capstan already answers to. */
    List<String> collisions(Map<String, LoadedCommand> loaded) {
        List<String> problems = new ArrayList<>();
        for (LoadedCommand command : loaded.values()) {
            String name = command.declaration().name();
            if (catalog.names().contains(name)) continue;
            if (commands.taken(name)) {
                problems.add(command.declaration().where() + ": `" + name + "` is already a command or alias of Capstan; choose another name");
            }
        }
        return problems;
    }

    /**
     * Serves exactly {@code loaded} from now on: the catalog first (what runs read), then the families (what requests
     * reach), those no longer declared taken out before the new ones go in, so that once a new name answers an old one
     * no longer does.
     */
    void install(Map<String, LoadedCommand> loaded) {
        Set<String> gone = new HashSet<>(catalog.names());
        gone.removeAll(loaded.keySet());
        catalog.replace(loaded);
        gone.forEach(commands::remove);
        for (LoadedCommand command : loaded.values()) {
            Declaration declaration = command.declaration();
            Family family = commands.prepare(declaration.name(), declaration.description());
            family.add(new DeclaredCommand(declaration.name(), new CommandTraits(Role.MEMBER, false, command.guard()),
                    () -> CommandSpecs.of(declaration, clock), (context, arguments) -> runner.run(command, context, arguments)));
            commands.install(family);
        }
    }
}
