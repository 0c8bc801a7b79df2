package dev.capstan.platform;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in configuration: {@code 90s}, {@code 20m}, {@code 64h}, {@code 2d}, {@code 1h30m}, or ISO {@code PT5M}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private Durations() {
    }

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a duration is required, like 90s, 20m or 64h");
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(java.util.Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("`" + text + "` is not a duration; write it like 90s, 20m or 64h");
            }
        }
        Matcher matcher = PART.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) break;
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            end = matcher.end();
        }
        if (end == 0 || end != value.length()) {
            throw new IllegalArgumentException("`" + text + "` is not a duration; write it like 90s, 20m or 64h");
        }
        return total;
    }

    /** "1h 30m", "90s": how replies and errors show a duration. */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) return seconds + "s";
        long minutes = seconds / 60;
        if (minutes < 60) return minutes + "m" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + "s");
        long hours = minutes / 60;
        return hours + "h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + "m");
    }
}
