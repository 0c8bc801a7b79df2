package dev.capstan.features.deploy;

import dev.capstan.command.UserError;
import java.time.Duration;
import java.util.List;

/**
 * One environment as configured: the refs it may be deployed from, what deploys it automatically, its CI adapter and
 * required contexts, and its policy: who deploys, approvals, freeze windows, who overrides a freeze, how long a
 * deployment may go unnoticed (the watchdog), whether requests queue while it is busy, the ref that
 * {@code deploy <env>} deploys when no ref is named ({@code default_ref}; null: worked out from the repository), and
 * how long a request may wait for pending required checks.
 */
record EnvironmentSettings(List<String> refs, AutoSettings auto, CiSettings ci, List<String> requiredContexts,
                           PolicySettings.Deployers deployers, PolicySettings.Approvals approvals,
                           List<PolicySettings.FreezeWindow> freeze, PolicySettings.Emergency emergency,
                           Duration watchdog, Boolean queue, String defaultRef, Duration checksTimeout) {

    /** Automatic deployments: pushes to branches or tags matching these patterns. */
    record AutoSettings(List<String> push) {
        AutoSettings {
            push = push == null ? List.of() : List.copyOf(push);
            push.forEach(RefPattern::parse);
        }
    }

    EnvironmentSettings {
        if (refs == null || refs.isEmpty()) throw new IllegalArgumentException("refs must list at least one branch or tag pattern, e.g. [\"main\"] or [\"tags/v*\"]");
        refs = List.copyOf(refs);
        refs.forEach(RefPattern::parse);
        auto = auto == null ? new AutoSettings(null) : auto;
        ci = ci == null ? CiSettings.NONE : ci;
        requiredContexts = requiredContexts == null ? null : List.copyOf(requiredContexts);
        freeze = freeze == null ? List.of() : List.copyOf(freeze);
        if (watchdog != null && (watchdog.isNegative() || watchdog.isZero())) throw new IllegalArgumentException("watchdog must be above zero");
        queue = queue != null && queue;
        if (defaultRef != null) {
            GitRef ref;
            try {
                ref = GitRef.parse(defaultRef);
            } catch (UserError notARef) {
                throw new IllegalArgumentException("default_ref `" + defaultRef + "` is not a branch or tag name");
            }
            if (refs.stream().map(RefPattern::parse).noneMatch(p -> p.matches(ref))) {
                throw new IllegalArgumentException("default_ref `" + defaultRef + "` is not allowed by this environment's refs " + refs
                        + " (a plain name is a branch, `tags/…` a tag)");
            }
        }
        if (checksTimeout != null && (checksTimeout.isNegative() || checksTimeout.isZero())) {
            throw new IllegalArgumentException("checks_timeout must be above zero");
        }
    }

    static EnvironmentSettings of(List<String> refs, List<String> autoPush) {
        return new EnvironmentSettings(refs, new AutoSettings(autoPush), null, null, null, null, null, null, null, null, null, null);
    }
}
