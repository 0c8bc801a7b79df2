package dev.capstan.features.playground;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokens of Slack's {@code <!date^ts^format|fallback>} in the viewer's zone, as Slack's English client writes them:
 * {@code {date_num}} 2014-02-18, {@code {date}} February 18th, 2014, {@code {date_short}} Feb 18, 2014,
 * {@code {date_long}} Tuesday, February 18th, 2014, the {@code _pretty} forms saying today, yesterday or tomorrow,
 * {@code {time}} 6:39 AM, {@code {time_secs}} 6:39:45 AM and {@code {ago}} 3 minutes ago.
 */
final class SlackDates {
    private static final Pattern TOKEN = Pattern.compile("\\{([a-z_]+)}");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_FULL = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SLASH = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);
    private static final DateTimeFormatter TIME_SECS = DateTimeFormatter.ofPattern("h:mm:ss a", Locale.ENGLISH);

    private final ZoneId zone;
    private final Instant now;

    SlackDates(ZoneId zone, Instant now) {
        this.zone = zone;
        this.now = now;
    }

    /** {@code format} with each token replaced; an unknown token stays as typed, as Slack leaves it. */
    String format(long epochSeconds, String format) {
        ZonedDateTime at = Instant.ofEpochSecond(epochSeconds).atZone(zone);
        Matcher token = TOKEN.matcher(format);
        StringBuilder out = new StringBuilder();
        while (token.find()) {
            String value = token(token.group(1), at);
            if (value == null) value = token.group();
            else if (token.start() == 0) value = capitalised(value);
            token.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        token.appendTail(out);
        return out.toString();
    }

    private String token(String name, ZonedDateTime at) {
        return switch (name) {
            case "date_num" -> at.toLocalDate().toString();
            case "date" -> date(at);
            case "date_short" -> SHORT.format(at);
            case "date_long" -> WEEKDAY.format(at) + ", " + date(at);
            case "date_long_full" -> LONG_FULL.format(at);
            case "date_slash" -> SLASH.format(at);
            case "date_pretty" -> relativeDay(at, date(at));
            case "date_short_pretty" -> relativeDay(at, SHORT.format(at));
            case "date_long_pretty" -> relativeDay(at, WEEKDAY.format(at) + ", " + date(at));
            case "day_divider_pretty" -> relativeDay(at, at.getYear() == now.atZone(zone).getYear()
                    ? WEEKDAY.format(at) + ", " + MONTH_DAY.format(at) + ordinal(at.getDayOfMonth())
                    : WEEKDAY.format(at) + ", " + date(at));
            case "time" -> TIME.format(at);
            case "time_secs" -> TIME_SECS.format(at);
            case "ago" -> ago(at.toInstant());
            default -> null;
        };
    }

    private static String date(ZonedDateTime at) {
        return MONTH_DAY.format(at) + ordinal(at.getDayOfMonth()) + ", " + at.getYear();
    }

    private String relativeDay(ZonedDateTime at, String otherwise) {
        long days = ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), at.toLocalDate());
        if (days == 0) return "today";
        if (days == -1) return "yesterday";
        if (days == 1) return "tomorrow";
        return otherwise;
    }

    private String ago(Instant at) {
        Duration between = Duration.between(at, now);
        boolean future = between.isNegative();
        long seconds = Math.abs(between.getSeconds());
        String amount;
        if (seconds < 60) amount = count(seconds, "second");
        else if (seconds < 3_600) amount = count(seconds / 60, "minute");
        else if (seconds < 86_400) amount = count(seconds / 3_600, "hour");
        else if (seconds < 30L * 86_400) amount = count(seconds / 86_400, "day");
        else if (seconds < 365L * 86_400) amount = count(seconds / (30L * 86_400), "month");
        else amount = count(seconds / (365L * 86_400), "year");
        return future ? "in " + amount : amount + " ago";
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    static String ordinal(int day) {
        if (day % 100 >= 11 && day % 100 <= 13) return "th";
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static String capitalised(String value) {
        return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }
}
