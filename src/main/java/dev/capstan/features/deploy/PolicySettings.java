package dev.capstan.features.deploy;

import dev.capstan.command.Grant;
import dev.capstan.command.Role;
import dev.capstan.command.SlackUserId;
import dev.capstan.jobs.Cron;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Per-environment policy keys as written in the YAML file (who deploys, approvals, freeze windows, emergency
 * override), checked when they are read so that a mistake stops start-up with the key's path.
 */
final class PolicySettings {
    private PolicySettings() {
    }

    /** Who may deploy: a least role, or people by Slack id (either is enough). Teams are the directory's, not the platform's. */
    record Deployers(Role role, List<SlackUserId> users, List<String> teams) {
        Deployers {
            if (teams != null) {
                throw new IllegalArgumentException("teams must be left out: Capstan's platform has no teams; name users or a role, "
                        + "or narrow `deploy deploy` with an access rule");
            }
            users = users == null ? List.of() : List.copyOf(users);
            if (role == null && users.isEmpty()) throw new IllegalArgumentException("needs a role or users (who may deploy)");
        }

        Grant grant() {
            return Grant.of(role, users.stream().map(SlackUserId::id).toList());
        }
    }

    /** Who may approve: a least role, or people by Slack id. */
    record Approvers(Role role, List<SlackUserId> users) {
        Approvers {
            users = users == null ? List.of() : List.copyOf(users);
            if (role == null && users.isEmpty()) throw new IllegalArgumentException("needs a role or users (who may approve)");
        }

        Grant grant() {
            return Grant.of(role, users.stream().map(SlackUserId::id).toList());
        }
    }

    /** How many distinct approvals, from whom, whether the requester counts, and how long a request waits. */
    record Approvals(Integer count, Approvers from, Boolean selfApproval, Duration timeout) {
        Approvals {
            count = count == null ? 1 : count;
            if (count < 1 || count > 10) throw new IllegalArgumentException("count must be between 1 and 10");
            if (from == null) throw new IllegalArgumentException("from must name who may approve (a role or users)");
            if (from.role() == null && count > from.users().size()) {
                throw new IllegalArgumentException("count must not exceed the " + from.users().size() + " users who may approve");
            }
            selfApproval = selfApproval != null && selfApproval;
            timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be above zero");
        }
    }

    /** A freeze: recurring (a five-field cron start and a duration) or one-off (from and to), in an IANA time zone. */
    record FreezeWindow(String cron, Duration duration, LocalDateTime from, LocalDateTime to, ZoneId zone) {
        FreezeWindow {
            if (zone == null) throw new IllegalArgumentException("zone must name an IANA time zone, e.g. Europe/Stockholm");
            boolean recurring = cron != null || duration != null;
            boolean oneOff = from != null || to != null;
            if (recurring == oneOff) throw new IllegalArgumentException("takes either cron and duration, or from and to");
            if (recurring) {
                if (cron == null) throw new IllegalArgumentException("cron must give the start, e.g. \"0 16 * * FRI\"");
                cron = cron.trim();
                schedule(cron);
                if (duration == null || duration.isNegative() || duration.isZero()) {
                    throw new IllegalArgumentException("duration must be above zero, e.g. 64h");
                }
            }
            if (oneOff && (from == null || to == null)) throw new IllegalArgumentException("takes both from and to");
            if (oneOff && !to.isAfter(from)) throw new IllegalArgumentException("to must come after from");
        }

        /** The cron start with seconds, as the platform's cron reads it. */
        Cron start() {
            return schedule(cron);
        }

        private static Cron schedule(String fiveFields) {
            String wrong = "cron must have five fields (minute hour day-of-month month day-of-week), e.g. \"0 16 * * FRI\", not `"
                    + fiveFields.replace("`", "'") + "`";
            if (fiveFields.split("\\s+").length != 5) throw new IllegalArgumentException(wrong);
            try {
                return new Cron("0 " + fiveFields);
            } catch (IllegalArgumentException notACron) {
                throw new IllegalArgumentException(wrong);
            }
        }
    }

    /** Who may override a freeze with {@code --emergency "reason"}. */
    record Emergency(Role role, List<SlackUserId> users) {
        Emergency {
            users = users == null ? List.of() : List.copyOf(users);
            if (role == null && users.isEmpty()) throw new IllegalArgumentException("needs a role or users (who may override a freeze)");
        }

        Grant grant() {
            return Grant.of(role, users.stream().map(SlackUserId::id).toList());
        }
    }
}
