package dev.capstan.features.deploy;

import java.time.Duration;
import java.time.Instant;

/**
 * One deployment as Capstan keeps it: what, where, who, its state and revision, its GitHub and CI references, how it
 * came about, whether GitHub or CI said anything about it yet ({@code heard}) and when the watchdog found they had not.
 */
record Deployment(long id, String repository, String environment, String ref, String sha, Integer pullRequest,
                  String trigger, String requestedBy, String authorLogin, String channelId, DeploymentState state,
                  long revision, Long githubId, String environmentUrl, String logUrl, String ci, String ciRef,
                  String detail, Instant createdAt, Instant finishedAt, Origin origin, boolean heard, Instant unheardAt) {

    /**
     * How a deployment came about: the message it shows in (an approval card's key, or its own), the earlier deployment
     * whose commit it deploys again (a rollback), the reason a freeze was overridden, and who approved it.
     */
    record Origin(String messageKey, Long rollbackTo, String emergencyReason, String approvedBy) {
        static final Origin PLAIN = new Origin(null, null, null, null);

        Origin withMessage(String key) {
            return new Origin(key, rollbackTo, emergencyReason, approvedBy);
        }

        Origin approved(String by) {
            return new Origin(messageKey, rollbackTo, emergencyReason, by);
        }
    }

    /** The key of the deployment's one message. */
    String messageKey() {
        return origin.messageKey() != null ? origin.messageKey() : "deploy-" + id;
    }

    String repositoryKey() {
        return Binding.key(repository);
    }

    /** The ref as a {@link GitRef}; one GitHub reported that Capstan would not accept from a person is shown as it is. */
    GitRef gitRef() {
        try {
            return GitRef.parse(ref);
        } catch (RuntimeException unusual) {
            return new GitRef(GitRef.RefType.OTHER, ref);
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
                newState, revision, githubId, environmentUrl, logUrl, ci, ciRef, newDetail, createdAt, finishedAt, origin, heard, unheardAt);
    }

    Deployment withGitHub(Long newGithubId, String newSha) {
        return new Deployment(id, repository, environment, ref, newSha, pullRequest, trigger, requestedBy, authorLogin, channelId,
                state, revision, newGithubId, environmentUrl, logUrl, ci, ciRef, detail, createdAt, finishedAt, origin, heard, unheardAt);
    }

    Deployment withCi(String newCiRef, String newLogUrl) {
        return new Deployment(id, repository, environment, ref, sha, pullRequest, trigger, requestedBy, authorLogin, channelId,
                state, revision, githubId, environmentUrl, newLogUrl, ci, newCiRef, detail, createdAt, finishedAt, origin, heard, unheardAt);
    }

    /** GitHub or CI said something about it: the watchdog has nothing to say. */
    Deployment heardOf() {
        return new Deployment(id, repository, environment, ref, sha, pullRequest, trigger, requestedBy, authorLogin, channelId,
                state, revision, githubId, environmentUrl, logUrl, ci, ciRef, detail, createdAt, finishedAt, origin, true, unheardAt);
    }

    /** The watchdog found that nothing picked it up by {@code at}. */
    Deployment unheardSince(Instant at) {
        return new Deployment(id, repository, environment, ref, sha, pullRequest, trigger, requestedBy, authorLogin, channelId,
                state, revision, githubId, environmentUrl, logUrl, ci, ciRef, detail, createdAt, finishedAt, origin, heard, at);
    }

    Deployment revised(long newRevision, Instant newFinishedAt) {
        return new Deployment(id, repository, environment, ref, sha, pullRequest, trigger, requestedBy, authorLogin, channelId,
                state, newRevision, githubId, environmentUrl, logUrl, ci, ciRef, detail, createdAt, newFinishedAt, origin, heard, unheardAt);
    }
}
