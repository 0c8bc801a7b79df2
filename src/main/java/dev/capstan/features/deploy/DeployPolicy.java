package dev.capstan.features.deploy;

import dev.capstan.command.Role;
import dev.capstan.platform.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One environment's policy, resolved from its settings: who may deploy, how many approvals from whom, its freeze
 * windows and who may override them, how long a deployment may go unnoticed, whether busy means queued, and how long
 * a request waits for pending required checks before it expires.
 */
record DeployPolicy(PolicySettings.Deployers deployers, PolicySettings.Approvals approvals, Freezes freezes,
              PolicySettings.Emergency emergency, Duration watchdog, boolean queue, Duration checksTimeout) {
    static final Duration DEFAULT_WATCHDOG = Duration.ofMinutes(5);
    static final Duration DEFAULT_CHECKS_TIMEOUT = Duration.ofMinutes(30);
    /** No rule beyond the command's own access: what pull requests' environments get. */
    static final DeployPolicy OPEN = new DeployPolicy(null, null, new Freezes(List.of()), null, DEFAULT_WATCHDOG, false, DEFAULT_CHECKS_TIMEOUT);

    static DeployPolicy of(EnvironmentSettings env) {
        return new DeployPolicy(env.deployers(), env.approvals(), Freezes.of(env.freeze()), env.emergency(),
                env.watchdog() == null ? DEFAULT_WATCHDOG : env.watchdog(), env.queue(),
                env.checksTimeout() == null ? DEFAULT_CHECKS_TIMEOUT : env.checksTimeout());
    }

    /** Why this person may not deploy here; empty when they may. */
    Optional<String> refusesDeployer(String environment, String userId, Role role) {
        if (deployers == null || deployers.grant().allows(userId, role)) return Optional.empty();
        return Optional.of(":no_entry: `" + environment + "` is deployed only by " + deployers.grant().who()
                + "; you are " + role.label() + ".");
    }

    int approvalsNeeded() {
        return approvals == null ? 0 : approvals.count();
    }

    boolean mayApprove(String userId, Role role) {
        return approvals != null && approvals.from().grant().allows(userId, role);
    }

    /** "1 approval from team_lead or above". */
    String approvalRule() {
        int n = approvalsNeeded();
        return n + " approval" + (n == 1 ? "" : "s") + " from " + approvals.from().grant().who();
    }

    boolean mayOverrideFreeze(String userId, Role role) {
        return emergency != null && emergency.grant().allows(userId, role);
    }

    /** "someone with role team_lead or above, or <@U1>"; "nobody" when no one is named. */
    String overriders() {
        return emergency == null ? "nobody (no `emergency` is configured)" : emergency.grant().who();
    }

    /** "; deployed by …; needs …; 2 freeze windows (…); watchdog 5m; queues": what `get` shows beyond the refs and CI. */
    String summary() {
        StringBuilder text = new StringBuilder();
        if (deployers != null) text.append("; deployed by ").append(deployers.grant().who());
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
}
