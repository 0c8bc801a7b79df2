package dev.capstan.command;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/** The values of a declared command after picocli parsed them, by name (an option by its longest name without dashes). */
public final class ParsedArguments {
    private final Map<String, Object> values;
    private final Map<String, Boolean> given;

    ParsedArguments(Map<String, Object> values, Map<String, Boolean> given) {
        this.values = values;
        this.given = given;
    }

    static ParsedArguments of(ParseResult result) {
        CommandSpec spec = result.commandSpec();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Boolean> given = new LinkedHashMap<>();
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            String name = positional.paramLabel().replaceAll("[<>]", "");
            values.put(name, positional.getValue());
            given.put(name, result.hasMatchedPositional(positional.index().min()));
        }
        for (OptionSpec option : spec.options()) {
            if (option.usageHelp() || option.versionHelp()) continue;
            String name = nameOf(option);
            values.put(name, option.getValue());
            given.put(name, result.hasMatchedOption(option));
        }
        return new ParsedArguments(values, given);
    }

    /** {@code --reason} → {@code reason}. */
    public static String nameOf(ArgSpec arg) {
        if (arg instanceof OptionSpec option) return option.longestName().replaceFirst("^-+", "");
        return ((PositionalParamSpec) arg).paramLabel().replaceAll("[<>]", "");
    }

    /** The value (the default when not given), or null. */
    @SuppressWarnings("unchecked")
    public <T> T get(String name) {
        if (!values.containsKey(name)) throw new IllegalArgumentException("No argument named " + name);
        return (T) values.get(name);
    }

    /** Whether the caller typed it (a default does not count). */
    public boolean given(String name) {
        return given.getOrDefault(name, false);
    }

    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }
}
