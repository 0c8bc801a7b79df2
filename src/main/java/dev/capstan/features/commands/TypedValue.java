package dev.capstan.features.commands;

import dev.capstan.command.DidYouMean;
import dev.capstan.command.SlackIds;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Checks a typed value against its parameter and gives its one canonical spelling (an enum as declared, a date as ISO). */
final class TypedValue {
    private TypedValue() {
    }

    /** The canonical value, or throws {@link IllegalArgumentException} saying what is wrong in words the caller can act on. */
    static String canonical(Parameter parameter, String raw, Clock clock) {
        String value = raw == null ? "" : raw.strip();
        String name = parameter.name();
        return switch (parameter.kind()) {
            case STRING -> text(parameter, raw == null ? "" : raw);
            case INTEGER -> integer(parameter, value);
            case ENUM -> parameter.values().stream().filter(v -> v.equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("`" + value + "` is not a " + name + ": choose one of "
                            + String.join(", ", parameter.values()) + "." + DidYouMean.sentence(value.toLowerCase(Locale.ROOT),
                            parameter.values())));
            case BOOLEAN -> bool(name, value);
            case DATE -> date(name, value, clock);
            case USER -> id(SlackIds.isUser(value.replaceFirst("^@", "")), name, value, "a Slack user (mention them with @)");
            case CHANNEL -> id(SlackIds.isChannel(value.replaceFirst("^#", "")), name, value, "a Slack channel (mention it with #)");
        };
    }

    /** The check of a default at load: empty when it is a valid value. */
    static Optional<String> problemWith(Parameter parameter, String value, Clock clock) {
        try {
            canonical(parameter, value, clock);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static String text(Parameter parameter, String value) {
        String name = parameter.name();
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) throw new IllegalArgumentException(name + " can't hold line breaks or control characters.");
        if (parameter.min() != null && value.length() < parameter.min()) {
            throw new IllegalArgumentException(name + " needs at least " + parameter.min() + " characters.");
        }
        if (parameter.max() != null && value.length() > parameter.max()) {
            throw new IllegalArgumentException(name + " takes at most " + parameter.max() + " characters, not " + value.length() + ".");
        }
        if (parameter.pattern() != null && !parameter.pattern().matcher(value).matches()) {
            throw new IllegalArgumentException("`" + value + "` is not a valid " + name + ": it must match " + parameter.pattern().pattern() + ".");
        }
        return value;
    }

    private static String integer(Parameter parameter, String value) {
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(parameter.name() + " must be a whole number, not `" + value + "`.");
        }
        boolean low = parameter.min() != null && number < parameter.min();
        boolean high = parameter.max() != null && number > parameter.max();
        if (low || high) {
            String range = parameter.min() != null && parameter.max() != null ? "from " + parameter.min() + " to " + parameter.max()
                    : low ? "at least " + parameter.min() : "at most " + parameter.max();
            throw new IllegalArgumentException(parameter.name() + " must be " + range + ", not " + number + ".");
        }
        return Long.toString(number);
    }

    private static String bool(String name, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) return value.toLowerCase(Locale.ROOT);
        throw new IllegalArgumentException(name + " is true or false, not `" + value + "`.");
    }

    private static String date(String name, String value, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        switch (value.toLowerCase(Locale.ROOT)) {
            case "today" -> {
                return today.toString();
            }
            case "tomorrow" -> {
                return today.plusDays(1).toString();
            }
            case "yesterday" -> {
                return today.minusDays(1).toString();
            }
            default -> {
                try {
                    return LocalDate.parse(value).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(name + " must be a date like 2026-03-31 (or today, tomorrow, yesterday), not `"
                            + value + "`.");
                }
            }
        }
    }

    private static String id(boolean valid, String name, String value, String what) {
        if (!valid) throw new IllegalArgumentException(name + " must be " + what + ", not `" + value + "`.");
        return value.replaceFirst("^[@#]", "");
    }
}
