package dev.capstan.features.deploy;

import java.time.Duration;
import java.time.Instant;

/** One deployment as Capstan keeps it: what, where, who, its state and revision, and its GitHub and CI references. */
record Deployment(long id, String repository, String environment, String ref, String sha, Integer pullRequest,
                  String trigger, String requestedBy, String authorLogin, String channelId, DeploymentState state,
                  long revision, Long githubId, String environmentUrl, String logUrl, String ci, String ciRef,
                  String detail, Instant createdAt, Instant finishedAt) {

    String repositoryKey() {
        return Binding.key(repository);
    }

    /** The ref as a {@link GitRef}; one GitHub reported that Capstan would not accept from a person is shown as it is. */
    GitRef gitRef() {
        try {
            return GitRef.parse(ref);
        } catch (RuntimeException unusual) {
            return new GitRef(GitRef.Kind.OTHER, ref);
        }
    }

    String shortSha() {
        return sha == null ? "" : sha.substring(0, Math.min(7, sha.length()));
    }

    /** From the request to its end, or until {@code now} while it runs. */
    Duration duration(Instant now) {
        return Duration.between(createdAt, finishedAt == null ? now : finishedAt);
    }

    /** "<@U…>", or the GitHub login for an automatic deployment of someone Capstan doesn't know. */
    String who() {
        if (requestedBy != null) return "<@" + requestedBy + ">";
        if (authorLogin != null) return "`" + authorLogin + "` (GitHub)";
        return "GitHub";
    }

    Deployment with(DeploymentState newState, String newDetail) {
        return new Deployment(id, repository, environment, ref, sha, pullRequest, trigger, requestedBy, authorLogin, channelId,
                newState, revision, githubId, environmentUrl, logUrl, ci, ciRef, newDetail, createdAt, finishedAt);
    }

    Deployment withGitHub(Long newGithubId, String newSha) {
        return new Deployment(id, repository, environment, ref, newSha, pullRequest, trigger, requestedBy, authorLogin, channelId,
                state, revision, newGithubId, environmentUrl, logUrl, ci, ciRef, detail, createdAt, finishedAt);
    }

    Deployment withCi(String newCiRef, String newLogUrl) {
        return new Deployment(id, repository, environment, ref, sha, pullRequest, trigger, requestedBy, authorLogin, channelId,
                state, revision, githubId, environmentUrl, newLogUrl, ci, newCiRef, detail, createdAt, finishedAt);
    }

    Deployment revised(long newRevision, Instant newFinishedAt) {
        return new Deployment(id, repository, environment, ref, sha, pullRequest, trigger, requestedBy, authorLogin, channelId,
                state, newRevision, githubId, environmentUrl, logUrl, ci, ciRef, detail, createdAt, newFinishedAt);
    }
}
