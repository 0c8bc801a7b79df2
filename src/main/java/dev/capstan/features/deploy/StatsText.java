package dev.capstan.features.deploy;

import dev.capstan.platform.Durations;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The metrics of one environment as Slack mrkdwn: one line a metric with its band, and the trend as text bars. */
final class StatsText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM dd", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    /** The widest bar, in characters. */
    private static final int BAR = 20;

    private StatsText() {
    }

    static String figures(DeliveryFigures f) {
        StringBuilder text = new StringBuilder("*").append(f.environment()).append("*");
        if (f.deployments() == 0) return text.append(": no deployments ended in these ").append(f.days()).append(" days.").toString();
        text.append("\n• Deployment frequency: ").append(f.successes()).append(" successful deployment").append(f.successes() == 1 ? "" : "s")
                .append(", ").append(String.format(Locale.ROOT, "%.1f", f.perDay() * 7)).append(" a week ").append(band(f.frequencyBand()));
        text.append("\n• Lead time for changes: ");
        if (f.leadTime() == null) text.append("not measured");
        else text.append(duration(f.leadTime())).append(" (median of ").append(f.measuredChanges()).append(") ").append(band(f.leadTimeBand()));
        if (f.nothingNew() > 0) {
            text.append(" · ").append(f.nothingNew()).append(f.nothingNew() == 1 ? " deployment" : " deployments")
                    .append(" had no new commits to compare (a first deployment, the same commit again, or a rollback)");
        }
        if (f.notCompared() > 0) text.append(" · ").append(f.notCompared()).append(" not compared on GitHub (yet)");
        text.append("\n• Change failure rate: ").append(Math.round(f.failureRate() * 100)).append("% (").append(f.failedChanges())
                .append(" of ").append(f.deployments()).append(") ").append(band(f.failureBand()));
        text.append("\n• Time to restore: ");
        if (f.timeToRestore() == null) text.append(f.failedChanges() == 0 || f.restores() == 0 && !f.unrestored() ? "nothing to restore" : "not restored yet");
        else text.append(duration(f.timeToRestore())).append(" (median of ").append(f.restores()).append(") ").append(band(f.restoreBand()));
        if (f.timeToRestore() != null && f.unrestored()) text.append(" · failing since its last deployment");
        return text.toString();
    }

    /** One line a bucket: its first day, a bar of successes (█) and failed changes (░), and the counts. */
    static String bars(DeliveryFigures f) {
        int most = f.trend().stream().mapToInt(b -> b.successes() + b.failedChanges()).max().orElse(0);
        StringBuilder text = new StringBuilder("```\n");
        for (DeliveryFigures.Bucket b : f.trend()) {
            int total = b.successes() + b.failedChanges();
            int width = most == 0 ? 0 : Math.max(total == 0 ? 0 : 1, Math.round((float) total * BAR / most));
            int bad = total == 0 ? 0 : Math.round((float) width * b.failedChanges() / total);
            text.append(DAY.format(b.start())).append(' ').append("█".repeat(width - bad)).append("░".repeat(bad))
                    .append(" ".repeat(BAR - width + 1)).append(b.successes()).append(" ok");
            if (b.failedChanges() > 0) text.append(", ").append(b.failedChanges()).append(" failed");
            text.append('\n');
        }
        return text.append("```").toString();
    }

    static String band(Band band) {
        return band == null ? "" : band.emoji() + " " + band.label();
    }

    /** "3d 4h" from two days on, "5h 20m" below. */
    static String duration(Duration d) {
        if (d.toDays() < 2) return Durations.format(d.withNanos(0));
        long hours = d.toHoursPart();
        return d.toDays() + "d" + (hours == 0 ? "" : " " + hours + "h");
    }
}
