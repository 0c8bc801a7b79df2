package dev.capstan.features.deploy;

import dev.capstan.command.Role;
import dev.capstan.platform.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One environment's policy, resolved from its settings: who may deploy, how many approvals from whom, its freeze
 * windows and who may override them, how long a deployment may go unnoticed, whether busy means queued, and how long
 * a request waits for pending required checks before it expires.
 */
record Policy(PolicySettings.Deployers deployers, PolicySettings.Approvals approvals, Freezes freezes,
              PolicySettings.Emergency emergency, Duration watchdog, boolean queue, Duration checksTimeout) {
    static final Duration DEFAULT_WATCHDOG = Duration.ofMinutes(5);
    static final Duration DEFAULT_CHECKS_TIMEOUT = Duration.ofMinutes(30);
    /** No rule beyond the command's own access: what pull requests' environments get. */
    static final Policy OPEN = new Policy(null, null, new Freezes(List.of()), null, DEFAULT_WATCHDOG, false, DEFAULT_CHECKS_TIMEOUT);

    static Policy of(EnvironmentSettings env) {
        return new Policy(env.deployers(), env.approvals(), Freezes.of(env.freeze()), env.emergency(),
                env.watchdog() == null ? DEFAULT_WATCHDOG : env.watchdog(), env.queue(),
                env.checksTimeout() == null ? DEFAULT_CHECKS_TIMEOUT : env.checksTimeout());
    }

    /** Why this person may not deploy here; empty when they may. */
    Optional<String> refusesDeployer(String environment, String userId, Role role) {
        if (deployers == null || allowed(deployers.role(), deployers.users(), userId, role)) return Optional.empty();
        return Optional.of(":no_entry: `" + environment + "` is deployed only by " + who(deployers.role(), deployers.users())
                + "; you are " + role.label() + ".");
    }

    int approvalsNeeded() {
        return approvals == null ? 0 : approvals.count();
    }

    boolean mayApprove(String userId, Role role) {
        return approvals != null && allowed(approvals.from().role(), approvals.from().users(), userId, role);
    }

    /** "1 approval from team_lead or above". */
    String approvalRule() {
        int n = approvalsNeeded();
        return n + " approval" + (n == 1 ? "" : "s") + " from " + who(approvals.from().role(), approvals.from().users());
    }

    boolean mayOverrideFreeze(String userId, Role role) {
        return emergency != null && allowed(emergency.role(), emergency.users(), userId, role);
    }

    /** "someone with role team_lead or above, or <@U1>"; "nobody" when no one is named. */
    String overriders() {
        return emergency == null ? "nobody (no `emergency` is configured)" : who(emergency.role(), emergency.users());
    }

    /** "; deployed by …; needs …; 2 freeze windows (…); watchdog 5m; queues": what `get` shows beyond the refs and CI. */
    String summary() {
        StringBuilder text = new StringBuilder();
        if (deployers != null) text.append("; deployed by ").append(who(deployers.role(), deployers.users()));
        if (approvals != null) text.append("; needs ").append(approvalRule());
        if (!freezes.none()) {
            text.append("; ").append(freezes.rules().size()).append(" freeze window").append(freezes.rules().size() == 1 ? "" : "s")
                    .append(" (`/deploy freeze list`), overridden by ").append(overriders());
        }
        text.append("; watchdog ").append(Durations.format(watchdog));
        if (queue) text.append("; queues while busy");
        if (!checksTimeout.equals(DEFAULT_CHECKS_TIMEOUT)) text.append("; waits ").append(Durations.format(checksTimeout)).append(" for checks");
        return text.toString();
    }

    private static boolean allowed(Role least, List<String> users, String userId, Role role) {
        return userId != null && (users.contains(userId) || least != null && role != null && role.atLeast(least));
    }

    static String who(Role least, List<String> users) {
        List<String> parts = new ArrayList<>();
        if (least != null) parts.add("someone with role " + least.label() + (least == Role.ADMIN ? "" : " or above"));
        if (!users.isEmpty()) parts.add(String.join(", ", users.stream().map(u -> "<@" + u + ">").toList()));
        return String.join(", or ", parts);
    }
}
