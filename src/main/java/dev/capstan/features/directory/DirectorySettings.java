package dev.capstan.features.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** The directory's part of the YAML file: which GitHub teams grant roles, and the weekly featured-channel post. */
public record DirectorySettings(String leadsTeam, String adminsTeam, Optional<FeaturedChannel> featured, Drive drive) {

    /** Google Drive sharing: the API base URL, the role members get, and how often changed teams are re-shared. */
    public record Drive(String apiUrl, String role, String syncCron) {
        static Drive from(JsonNode node) {
            return new Drive(node.path("api_url").asText("https://www.googleapis.com"), node.path("role").asText("writer"),
                    node.path("sync_cron").asText("0 * * * * *"));
        }
    }

    /** Where and when the featured-channel post goes: weekly on day and time, or on {@code schedule} (a cron) when set. */
    public record FeaturedChannel(String channel, DayOfWeek day, LocalTime time, ZoneId zone, String schedule) {
        /** A db-scheduler cron with seconds: the configured schedule, else once a week at the configured time. */
        public String cron() {
            if (schedule != null) return schedule;
            return time.getSecond() + " " + time.getMinute() + " " + time.getHour() + " * * " + day.name().substring(0, 3);
        }
    }

    public static DirectorySettings from(JsonNode node) {
        String leads = text(node.path("leads_team"));
        String admins = text(node.path("admins_team"));
        JsonNode featured = node.path("featured_channel");
        Optional<FeaturedChannel> weekly = Optional.empty();
        if (featured.isObject() && text(featured.path("channel")) != null) {
            try {
                weekly = Optional.of(new FeaturedChannel(text(featured.path("channel")),
                        DayOfWeek.valueOf(featured.path("day").asText("MONDAY").trim().toUpperCase(Locale.ROOT)),
                        LocalTime.parse(featured.path("time").asText("09:00").trim()),
                        ZoneId.of(featured.path("zone").asText("UTC").trim()), text(featured.path("schedule"))));
                weekly.map(FeaturedChannel::schedule).ifPresent(CronSchedule::new);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("families.directory.featured_channel: day must be a weekday name (MONDAY), "
                        + "time HH:mm or HH:mm:ss, zone a time zone id (Europe/Stockholm), schedule (if given) a cron with seconds; " + e.getMessage());
            }
        }
        return new DirectorySettings(leads, admins, weekly, Drive.from(node.path("drive")));
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText().trim() : null;
    }
}
