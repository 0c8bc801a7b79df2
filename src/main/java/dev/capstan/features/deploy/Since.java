package dev.capstan.features.deploy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A moment as Slack shows it in each reader's own time zone, with a UTC fallback. */
final class Since {
    private static final DateTimeFormatter FALLBACK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Since() {
    }

    static String of(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + FALLBACK.format(at) + ">";
    }
}
