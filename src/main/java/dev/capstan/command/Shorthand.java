package dev.capstan.command;

import java.util.List;
import java.util.Optional;

/** Rewrites a special form typed after the main command into a regular one (e.g. "U123 ++" → "karma give U123"). */
@FunctionalInterface
public interface Shorthand {
    Optional<List<String>> rewrite(List<String> tokens);
}
