package dev.capstan.features.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The configured environments with their rules resolved, and the pull requests' own {@code pr<N>} environments. */
final class Environments {
    /** One environment's rules; {@code pullRequest} is set for a {@code pr<N>} environment; {@code defaultRef} when configured. */
    record Environment(String name, List<RefPattern> refs, List<RefPattern> autoPush, CiSettings ci,
                       List<String> requiredContexts, Integer pullRequest, DeployPolicy policy, GitRef defaultRef) {

        boolean allows(GitRef ref) {
            return refs.stream().anyMatch(p -> p.matches(ref));
        }

        boolean deploysOnPush(GitRef ref) {
            return autoPush.stream().anyMatch(p -> p.matches(ref));
        }

        /** "`production` is deployed only from tags/v*, tags/[0-9]*": the rule a refused ref broke. */
        String rule() {
            return "`" + name + "` is deployed only from " + String.join(", ", refs.stream().map(p -> "`" + p.text() + "`").toList())
                    + " (a plain pattern names branches, `tags/…` tags)";
        }
    }

    private final Map<String, EnvironmentSettings> configured;
    private final DeploySettings settings;

    Environments(DeploySettings settings) {
        this.settings = settings;
        this.configured = settings.environments();
    }

    List<String> names() {
        return List.copyOf(configured.keySet());
    }

    /** The environment named so (case-insensitively), or a pull request's {@code pr<N>}. */
    Optional<Environment> find(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.matches("pr[1-9][0-9]{0,8}")) return Optional.of(pullRequest(Integer.parseInt(key.substring(2))));
        EnvironmentSettings found = configured.get(key);
        return found == null ? Optional.empty() : Optional.of(resolve(key, found));
    }

    Environment pullRequest(int number) {
        DeploySettings.PullRequestSettings pr = settings.pullRequests();
        return new Environment("pr" + number, List.of(RefPattern.parse("*")), List.of(), pr.ci(),
                pr.requiredContexts() == null ? settings.requiredContexts() : pr.requiredContexts(), number, DeployPolicy.OPEN, null);
    }

    boolean pullRequestsDeploy() {
        return settings.pullRequests().auto();
    }

    /** Environments a push of {@code ref} deploys automatically. */
    List<Environment> onPush(GitRef ref) {
        List<Environment> matching = new ArrayList<>();
        configured.forEach((name, env) -> {
            Environment resolved = resolve(name, env);
            if (resolved.deploysOnPush(ref)) matching.add(resolved);
        });
        return matching;
    }

    private Environment resolve(String name, EnvironmentSettings env) {
        return new Environment(name, env.refs().stream().map(RefPattern::parse).toList(),
                env.auto().push().stream().map(RefPattern::parse).toList(), env.ci(),
                env.requiredContexts() == null ? settings.requiredContexts() : env.requiredContexts(), null, DeployPolicy.of(env),
                env.defaultRef() == null ? null : GitRef.parse(env.defaultRef()));
    }
}
