package dev.capstan.features.deploy;

import dev.capstan.command.Role;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Per-environment policy keys (who deploys, approvals, freeze windows, emergency override), read and checked now, enforced later. */
final class PolicySettings {
    private PolicySettings() {
    }

    /** Who may deploy: a least role, people, or teams. */
    record Deployers(Role role, List<String> users, List<String> teams) {
        Deployers {
            users = users == null ? List.of() : List.copyOf(users);
            teams = teams == null ? List.of() : List.copyOf(teams);
        }
    }

    /** Who may approve: a least role or people. */
    record Approvers(Role role, List<String> users) {
        Approvers {
            users = users == null ? List.of() : List.copyOf(users);
            if (role == null && users.isEmpty()) throw new IllegalArgumentException("from must name a role or users");
        }
    }

    /** How many distinct approvals, from whom, whether the requester counts, and how long a request waits. */
    record Approvals(Integer count, Approvers from, Boolean selfApproval, Duration timeout) {
        Approvals {
            count = count == null ? 1 : count;
            if (count < 1 || count > 10) throw new IllegalArgumentException("count must be between 1 and 10");
            if (from == null) throw new IllegalArgumentException("from must name who may approve (a role or users)");
            selfApproval = selfApproval != null && selfApproval;
            timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
        }
    }

    /** A freeze: recurring (a five-field cron start and a duration) or one-off (from and to), in a time zone. */
    record FreezeWindow(String cron, Duration duration, LocalDateTime from, LocalDateTime to, ZoneId zone) {
        FreezeWindow {
            if (zone == null) throw new IllegalArgumentException("zone must name an IANA time zone, e.g. Europe/Stockholm");
            boolean recurring = cron != null || duration != null;
            boolean oneOff = from != null || to != null;
            if (recurring == oneOff) throw new IllegalArgumentException("a freeze takes either cron and duration, or from and to");
            if (recurring && (cron == null || cron.isBlank() || cron.trim().split("\\s+").length != 5 || duration == null)) {
                throw new IllegalArgumentException("cron must have five fields (minute hour day-of-month month day-of-week) and needs a duration");
            }
            if (oneOff && (from == null || to == null || !to.isAfter(from))) throw new IllegalArgumentException("to must come after from");
        }
    }

    /** Who may override a freeze. */
    record Emergency(Role role, List<String> users) {
        Emergency {
            users = users == null ? List.of() : List.copyOf(users);
            if (role == null && users.isEmpty()) throw new IllegalArgumentException("emergency must name a role or users");
        }
    }
}
