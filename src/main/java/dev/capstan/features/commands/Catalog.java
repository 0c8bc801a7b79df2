package dev.capstan.features.commands;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The declared commands in service now; a reload swaps the whole map at once, so a request sees the old set or the new. */
final class Catalog {
    private volatile Map<String, LoadedCommand> commands = Map.of();

    Optional<LoadedCommand> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    Set<String> names() {
        return commands.keySet();
    }

    Map<String, LoadedCommand> all() {
        return commands;
    }

    void replace(Map<String, LoadedCommand> loaded) {
        commands = Map.copyOf(loaded);
    }
}
