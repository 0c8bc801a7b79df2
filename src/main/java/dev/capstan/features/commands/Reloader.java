package dev.capstan.features.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the declarations again, from {@code commands reload} or a change of the file. A file with any problem is
 * refused with every reason and the last good set stays in service; one reload at a time.
 */
final class Reloader {
    /** What a reload did: the problems that refused it, or the commands added, changed and removed. */
    record Outcome(List<String> problems, Set<String> added, Set<String> changed, Set<String> removed) {
        boolean refused() {
            return !problems.isEmpty();
        }

        String summary() {
            if (refused()) return "The file was refused; the commands in service stay as they were:\n• " + String.join("\n• ", problems);
            List<String> parts = new ArrayList<>();
            if (!added.isEmpty()) parts.add("added " + String.join(", ", added));
            if (!changed.isEmpty()) parts.add("reloaded " + String.join(", ", changed));
            if (!removed.isEmpty()) parts.add("removed " + String.join(", ", removed));
            return "Declared commands reloaded: " + (parts.isEmpty() ? "none declared" : String.join("; ", parts)) + ".";
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Reloader.class);

    private final Path file;
    private final Loader loader;
    private final Registry registry;
    private final Catalog catalog;

    Reloader(Path file, Loader loader, Registry registry, Catalog catalog) {
        this.file = file;
        this.loader = loader;
        this.registry = registry;
        this.catalog = catalog;
    }

    /** Reads the file now, for {@code commands reload}. */
    synchronized Outcome reload() {
        return install(loader.load(file, true));
    }

    /** Loads the content the watcher saw settle, so that what was compared is what is installed. */
    synchronized Outcome reload(byte[] content) {
        return install(loader.load(file, content, true));
    }

    private Outcome install(Loader.Loaded loaded) {
        List<String> problems = new ArrayList<>(loaded.problems());
        problems.addAll(registry.collisions(loaded.commands()));
        if (!problems.isEmpty()) {
            Outcome refused = new Outcome(problems, Set.of(), Set.of(), Set.of());
            log.warn("Declared commands: {}", refused.summary());
            return refused;
        }
        Set<String> added = new TreeSet<>(loaded.commands().keySet());
        added.removeAll(catalog.names());
        Set<String> changed = new TreeSet<>(loaded.commands().keySet());
        changed.retainAll(catalog.names());
        Set<String> removed = new TreeSet<>(catalog.names());
        removed.removeAll(loaded.commands().keySet());
        registry.install(loaded.commands());
        Outcome outcome = new Outcome(List.of(), added, changed, removed);
        log.info("{}", outcome.summary());
        return outcome;
    }
}
