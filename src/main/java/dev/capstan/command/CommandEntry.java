package dev.capstan.command;

import java.util.List;
import java.util.function.Supplier;

/** One registered command: where it sits, what it says about itself, and how to make a fresh instance per request. */
public record CommandEntry(
        String family,
        List<String> path,
        String description,
        String synopsis,
        CommandInfo info,
        Supplier<? extends CapstanCommand> factory) {

    /** The words after the main slash command, e.g. "timereport lock list". */
    public String fullName() {
        return path.isEmpty() ? family : family + " " + String.join(" ", path);
    }
}
