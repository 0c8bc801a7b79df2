package dev.capstan.features.deploy;

import dev.capstan.command.Role;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The family's configuration ({@code families.deploy} in the YAML file): required contexts, the environments and
 * their rules, pull-request environments, how often CI is polled, and the least role for {@code setup}, {@code reset},
 * {@code set} and {@code unset} (member by default: in deploybot anyone in the channel could). Without environments
 * the seed's four apply.
 */
record DeploySettings(List<String> requiredContexts, Map<String, EnvironmentSettings> environments,
                      PullRequestSettings pullRequests, Duration pollInterval, Role setupRole) {

    /** {@code pr<N>} environments for pull requests: deployed when a pull request is opened or updated, unless {@code auto} is false. */
    record PullRequestSettings(Boolean auto, CiSettings ci, List<String> requiredContexts) {
        PullRequestSettings {
            auto = auto == null || auto;
            ci = ci == null ? CiSettings.NONE : ci;
        }
    }

    DeploySettings {
        requiredContexts = requiredContexts == null ? List.of() : List.copyOf(requiredContexts);
        if (environments == null || environments.isEmpty()) {
            environments = seedEnvironments();
        } else {
            for (String name : environments.keySet()) {
                if (!name.matches("[a-z0-9][a-z0-9._-]{0,49}")) {
                    throw new IllegalArgumentException("environments must be named with 1 to 50 lower-case letters, digits, '.', '_' or '-', not `" + name + "`");
                }
                if (name.matches("pr[0-9]+")) {
                    throw new IllegalArgumentException("environments named pr<N> are the pull requests' own; rename `" + name + "`");
                }
                if (environments.get(name) == null) throw new IllegalArgumentException("environments." + name + " needs at least `refs`");
            }
            environments = new LinkedHashMap<>(environments);
        }
        pullRequests = pullRequests == null ? new PullRequestSettings(null, null, null) : pullRequests;
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        setupRole = setupRole == null ? Role.MEMBER : setupRole;
        if (pollInterval.isNegative() || pollInterval.isZero()) throw new IllegalArgumentException("poll_interval must be above zero");
    }

    /** The seed's environments: preview from main/master, test from release branches, staging from anything, production from version tags. */
    static Map<String, EnvironmentSettings> seedEnvironments() {
        Map<String, EnvironmentSettings> seed = new LinkedHashMap<>();
        seed.put("preview", EnvironmentSettings.of(List.of("main", "master"), List.of("main", "master")));
        seed.put("test", EnvironmentSettings.of(List.of("release*"), List.of("release*")));
        seed.put("staging", EnvironmentSettings.of(List.of("*"), List.of()));
        seed.put("production", EnvironmentSettings.of(List.of("tags/v*", "tags/[0-9]*"), List.of("tags/v*", "tags/[0-9]*")));
        return seed;
    }
}
