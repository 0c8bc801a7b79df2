package dev.capstan.command;

import java.util.List;

/** One registered command: where it sits, what it says about itself, and the picocli lines that parse its arguments. */
public record CommandEntry(
        String family,
        List<String> path,
        String description,
        String synopsis,
        CommandTraits info,
        CommandLines commandLines) {

    /** The words after the main slash command, e.g. "timereport lock list". */
    public String fullName() {
        return path.isEmpty() ? family : family + " " + String.join(" ", path);
    }
}
