package dev.capstan.features.directory;

import dev.capstan.command.SlackChannelId;
import dev.capstan.http.HttpUrl;
import dev.capstan.jobs.Cron;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** The directory's part of the YAML file ({@code families.directory}): which GitHub teams grant roles, the featured-channel post, Drive sharing, projects' GitHub access. */
record DirectorySettings(String leadsTeam, String adminsTeam, FeaturedChannel featuredChannel, Drive drive, String projectAccess) {
    public DirectorySettings {
        leadsTeam = blankToNull(leadsTeam);
        adminsTeam = blankToNull(adminsTeam);
        drive = drive == null ? new Drive(null, null, null) : drive;
        projectAccess = projectAccess == null ? "none" : projectAccess.trim();
        if (!projectAccess.matches("none|pull|triage|push|maintain|admin")) {
            throw new IllegalArgumentException("project_access must be none, pull, triage, push, maintain or admin, not `" + projectAccess + "`");
        }
    }

    /** The access a project's team gets on its repository; empty: none, projects are a record here only (as in Rocket 2). */
    public Optional<String> projectGrant() {
        return projectAccess.equals("none") ? Optional.empty() : Optional.of(projectAccess);
    }

    public Optional<FeaturedChannel> featured() {
        return Optional.ofNullable(featuredChannel);
    }

    /** Google Drive sharing: the API base URL, the role members get, and how often changed teams are re-shared. */
    public record Drive(HttpUrl apiUrl, String role, Cron syncCron) {
        public Drive {
            apiUrl = apiUrl == null ? HttpUrl.parse("https://www.googleapis.com") : apiUrl;
            role = role == null ? "writer" : role;
            if (!role.matches("reader|commenter|writer|fileOrganizer|organizer")) {
                throw new IllegalArgumentException("role must be reader, commenter, writer, fileOrganizer or organizer, not `" + role + "`");
            }
            syncCron = syncCron == null ? new Cron("0 * * * * *") : syncCron;
        }
    }

    /** Where and when the featured-channel post goes: weekly on day and time, or on {@code schedule} (a cron) when set. */
    public record FeaturedChannel(SlackChannelId channel, DayOfWeek day, LocalTime time, ZoneId zone, Cron schedule) {
        public FeaturedChannel {
            if (channel == null) throw new IllegalArgumentException("channel is required (a channel id, C…)");
            day = day == null ? DayOfWeek.MONDAY : day;
            time = time == null ? LocalTime.of(9, 0) : time;
            zone = zone == null ? ZoneId.of("UTC") : zone;
        }

        /** A db-scheduler cron with seconds: the configured schedule, else once a week at the configured time. */
        public String cron() {
            if (schedule != null) return schedule.expression();
            return time.getSecond() + " " + time.getMinute() + " " + time.getHour() + " * * " + day.name().substring(0, 3);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
