package dev.capstan.features.deploy;

import java.time.Instant;
import java.util.List;

/**
 * A deployment waiting for approvals: what, where, who asked, how many distinct approvals it needs, its state
 * (pending until approved, rejected or expired, once), its card's revision, and who decided and what came of it.
 */
record ApprovalRequest(long id, String repository, String environment, String ref, String sha, String trigger, String requestedBy,
                       String authorLogin, String channelId, int needed, State state, long revision, Long rollbackTo,
                       String emergencyReason, Instant createdAt, Instant expiresAt, String decidedBy, Instant decidedAt,
                       Long deploymentId, String outcome, List<Approval> approvals) {

    enum State { PENDING, APPROVED, REJECTED, EXPIRED }

    /** One person's approval. */
    record Approval(String approver, Instant at) { }

    /** The key of the card, which becomes the deployment's message once approved. */
    String cardKey() {
        return "deploy-approval-" + id;
    }

    GitRef gitRef() {
        return GitRef.parse(ref);
    }

    /** "<@U1> (date), <@U2> (date)". */
    String approvers() {
        return String.join(", ", approvals.stream().map(a -> "<@" + a.approver() + "> " + Since.of(a.at())).toList());
    }

    boolean approvedBy(String userId) {
        return approvals.stream().anyMatch(a -> a.approver().equals(userId));
    }

    int missing() {
        return Math.max(0, needed - approvals.size());
    }
}
