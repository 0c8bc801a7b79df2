package dev.capstan.features.commands;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One argument (positional) or {@code --option} of a declared command: its type and limits, its default, and when it
 * is required. {@code min}/{@code max} bound a string's length or an integer's value.
 */
record Parameter(String name, ValueType kind, boolean positional, List<String> values, Pattern pattern, Long min, Long max,
                 String defaultValue, boolean required, Condition requiredWhen, String description) {

    /** The types an argument can have. */
    enum ValueType {
        STRING("text"), INTEGER("a whole number"), ENUM("one of"), BOOLEAN("a flag"), DATE("a date (YYYY-MM-DD or today)"),
        USER("a Slack user (@someone)"), CHANNEL("a Slack channel (#channel)");

        private final String words;

        ValueType(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    Parameter {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** What usage says about it: its description, type, allowed values, limits, default and when it is required. */
    String explanation() {
        StringBuilder text = new StringBuilder(description == null || description.isBlank() ? "" : description.strip() + ". ");
        text.append(Character.toUpperCase(kind.words().charAt(0))).append(kind.words().substring(1));
        if (kind == ValueType.ENUM) text.append(" ").append(String.join(", ", values));
        if (kind == ValueType.STRING && (min != null || max != null)) text.append(", ").append(bounds()).append(" characters");
        if (kind == ValueType.INTEGER && (min != null || max != null)) text.append(", ").append(bounds());
        if (pattern != null) text.append(", matching ").append(pattern.pattern());
        if (defaultValue != null) text.append(" (default: ").append(defaultValue).append(")");
        if (requiredWhen != null) text.append("; required when ").append(requiredWhen.source());
        else if (required && !positional) text.append("; required");
        return text.append('.').toString();
    }

    private String bounds() {
        if (min != null && max != null) return "from " + min + " to " + max;
        return min != null ? "at least " + min : "at most " + max;
    }
}
