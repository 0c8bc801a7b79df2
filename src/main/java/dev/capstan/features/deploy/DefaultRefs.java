package dev.capstan.features.deploy;

import dev.capstan.command.UserError;
import java.util.Optional;

/**
 * Which ref {@code deploy <env>} deploys when none is named: the environment's {@code default_ref}; else the
 * repository's default branch where the environment's refs allow it; else the newest tag they allow.
 */
final class DefaultRefs {
    /** The ref chosen, the commit it points at, and why it was chosen, in words. */
    record Chosen(GitRef ref, String sha, String why) {
        String shortSha() {
            return sha.length() > 7 ? sha.substring(0, 7) : sha;
        }
    }

    private final GitHubRefs refs;
    private final GitHubDeployments github;

    DefaultRefs(GitHubRefs refs, GitHubDeployments github) {
        this.refs = refs;
        this.github = github;
    }

    Chosen choose(String repository, Environments.Environment env) {
        if (env.defaultRef() != null) return resolved(repository, env.defaultRef(), "its `default_ref`");
        String branch = refs.defaultBranch(repository);
        GitRef defaultBranch = new GitRef(GitRef.RefType.BRANCH, branch);
        if (env.allows(defaultBranch)) return resolved(repository, defaultBranch, "the repository's default branch");
        Optional<GitHubRefs.Tag> newest = refs.tags(repository).stream()
                .filter(t -> t.sha() != null && env.allows(new GitRef(GitRef.RefType.TAG, t.name())))
                .max((a, b) -> TagOrder.VERSIONS.compare(a.name(), b.name()));
        if (newest.isPresent()) {
            return new Chosen(new GitRef(GitRef.RefType.TAG, newest.get().name()), newest.get().sha(), "the newest tag its refs allow");
        }
        throw new UserError(":warning: `" + env.name() + "` has no default ref: " + env.rule() + ", which allows neither `"
                + repository + "`'s default branch `" + branch + "` nor any of its tags. Name one (`/deploy <ref> to " + env.name()
                + "`), or an admin can set `default_ref` for `" + env.name() + "`.");
    }

    private Chosen resolved(String repository, GitRef ref, String why) {
        String sha = github.sha(repository, ref);
        if (sha == null) throw new UserError(":warning: GitHub has no " + (ref.kind() == GitRef.RefType.TAG ? "tag" : "branch") + " `"
                + ref.name() + "` in `" + repository + "` (" + why + "), so nothing was deployed.");
        return new Chosen(ref, sha, why);
    }
}
