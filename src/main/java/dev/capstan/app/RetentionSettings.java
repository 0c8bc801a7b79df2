package dev.capstan.app;

import dev.capstan.jobs.Cron;
import java.time.Duration;
import java.util.List;

/**
 * How long Capstan keeps what would otherwise only grow (the YAML's {@code retention:} section). The records that make
 * redeliveries and re-runs harmless are kept well past every retry window (Slack retries for minutes, GitHub offers
 * redelivery for days, jobs retry for minutes); the audit log as long as the operator wants it.
 */
public record RetentionSettings(Duration deliveries, Duration jobKeys, Duration sentMessages, Duration audit, Cron schedule) {
    static final Duration SHORTEST_DEDUPLICATION = Duration.ofDays(3);
    static final Duration SHORTEST_AUDIT = Duration.ofDays(1);

    public static RetentionSettings defaults() {
        return new RetentionSettings(Duration.ofDays(30), Duration.ofDays(30), Duration.ofDays(30), Duration.ofDays(365),
                new Cron("0 17 * * * *"));
    }

    /** Reads the YAML section over the defaults, adding a problem for each value that cannot be. */
    static RetentionSettings read(ConfigFile.Retention section, List<String> problems) {
        RetentionSettings d = defaults();
        if (section == null) return d;
        Cron schedule = d.schedule();
        if (section.schedule() != null) {
            try {
                schedule = new Cron(section.schedule());
            } catch (IllegalArgumentException e) {
                problems.add("retention.schedule: " + e.getMessage());
            }
        }
        return new RetentionSettings(
                duration("retention.deliveries", section.deliveries(), d.deliveries(), SHORTEST_DEDUPLICATION, problems),
                duration("retention.job_keys", section.jobKeys(), d.jobKeys(), SHORTEST_DEDUPLICATION, problems),
                duration("retention.sent_messages", section.sentMessages(), d.sentMessages(), SHORTEST_DEDUPLICATION, problems),
                duration("retention.audit", section.audit(), d.audit(), SHORTEST_AUDIT, problems),
                schedule);
    }

    private static Duration duration(String key, String text, Duration fallback, Duration shortest, List<String> problems) {
        return new ConfiguredDuration(key, shortest, shortest.toDays() + "d").read(text, fallback, problems);
    }
}
