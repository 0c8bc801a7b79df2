package dev.capstan.features.deploy;

import dev.capstan.command.People;
import dev.capstan.command.Refusal;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.jobs.JobResult;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Approve and Reject on an approval card, and its expiry. Each click locks the request's row, so that clicks take
 * turns on every replica: each approver counts once, the last approval needed moves the request out of 'pending'
 * exactly once and starts the deployment in the same transaction (its message takes the card's place). The clicker
 * alone is told why a click changed nothing.
 */
final class Approvals {
    private final Jdbi jdbi;
    private final ApprovalRequests requests;
    private final ApprovalCards cards;
    private final Bindings bindings;
    private final Environments environments;
    private final People people;
    private final RequestDeployment deploy;
    private final Deadlines deadlines;

    Approvals(Jdbi jdbi, ApprovalRequests requests, ApprovalCards cards, Bindings bindings, Environments environments, People people,
              RequestDeployment deploy, Deadlines deadlines) {
        this.jdbi = jdbi;
        this.requests = requests;
        this.cards = cards;
        this.bindings = bindings;
        this.environments = environments;
        this.people = people;
        this.deploy = deploy;
        this.deadlines = deadlines;
    }

    /** What a click does to a request that is still open, with its row locked, the environment's policy and the clicker's role. */
    @FunctionalInterface
    private interface Decision {
        Reply decide(Handle h, ApprovalRequest request, Instant now, DeployPolicy policy, Role role);
    }

    /** Locks the request a click names; a request unknown or already closed is answered as such and not decided again. */
    private Reply onOpenRequest(String userId, String value, Decision decision) {
        return jdbi.inTransaction(h -> {
            Optional<ApprovalRequest> found = lock(h, value);
            if (found.isEmpty()) return note(":warning: I don't know this approval request any more.");
            ApprovalRequest r = found.get();
            Instant now = deadlines.now();
            Optional<Reply> closed = closed(h, r, now);
            if (closed.isPresent()) return closed.get();
            DeployPolicy policy = environments.find(r.environment()).map(Environments.Environment::policy).orElse(DeployPolicy.OPEN);
            return decision.decide(h, r, now, policy, people.roleOf(userId));
        });
    }

    Reply approve(String userId, String value) {
        return onOpenRequest(userId, value, (h, r, now, policy, role) -> {
            if (policy.approvals() == null) return note(":warning: `" + r.environment() + "` no longer needs approvals; deploy it again.");
            if (userId.equals(r.requestedBy()) && !policy.approvals().selfApproval()) {
                throw new Refusal(DeployGate.rule(r.environment(), "approvals"), ":no_entry: You asked for this deployment, so your own "
                        + "approval does not count here. It needs " + policy.approvalRule() + ".");
            }
            if (!policy.mayApprove(userId, role)) {
                throw new Refusal(DeployGate.rule(r.environment(), "approvals"), ":no_entry: Only " + policy.approvals().from().grant().who()
                        + " may approve deployments to `" + r.environment() + "`; you are "
                        + role.label() + ".");
            }
            if (!requests.approve(h, r.id(), userId, now)) {
                return note("You approved this already; it still needs " + r.missing() + " more.");
            }
            ApprovalRequest counted = requests.lock(h, r.id()).orElseThrow();
            if (counted.missing() > 0) {
                requests.revise(h, r.id());
                cards.show(requests.lock(h, r.id()).orElseThrow());
                return note(":white_check_mark: Your approval is counted; it needs " + counted.missing() + " more.");
            }
            if (!requests.decide(h, r.id(), ApprovalRequest.State.APPROVED, userId, now)) return note("Someone decided this a moment ago.");
            return start(h, counted);
        });
    }

    Reply reject(String userId, String value) {
        return onOpenRequest(userId, value, (h, r, now, policy, role) -> {
            if (!userId.equals(r.requestedBy()) && !policy.mayApprove(userId, role)) {
                throw new Refusal(DeployGate.rule(r.environment(), "approvals"), ":no_entry: Only the requester or "
                        + (policy.approvals() == null ? "an approver" : policy.approvals().from().grant().who()) + " may reject this; you are " + role.label() + ".");
            }
            if (!requests.decide(h, r.id(), ApprovalRequest.State.REJECTED, userId, now)) return note("Someone decided this a moment ago.");
            cards.show(requests.lock(h, r.id()).orElseThrow());
            return note(":no_entry_sign: You rejected the deployment of `" + r.gitRef().label() + "` to `" + r.environment() + "`.");
        });
    }

    /** The expiry job: a request still pending at its deadline expires, and its card says so. */
    JobResult<DeployJobs.Due> expire(DeployJobs.Due due) {
        Optional<JobResult<DeployJobs.Due>> early = deadlines.notYet(due.due(), due);
        if (early.isPresent()) return early.get();
        jdbi.useTransaction(h -> requests.lock(h, due.id()).ifPresent(r -> closed(h, r, deadlines.now())));
        return JobResult.done();
    }

    /** What a click on a request that is no longer pending (or has just expired, which this records) is told. */
    private Optional<Reply> closed(Handle h, ApprovalRequest r, Instant now) {
        switch (r.state()) {
            case APPROVED -> {
                return Optional.of(note("This was already approved by " + r.approvers() + (r.deploymentId() == null ? "." : "; it is deployment #"
                        + r.deploymentId() + ".")));
            }
            case REJECTED -> {
                return Optional.of(note("This was already rejected by <@" + r.decidedBy() + "> " + Since.of(r.decidedAt()) + "."));
            }
            case EXPIRED -> {
                return Optional.of(note(":hourglass: This request expired " + Since.of(r.expiresAt()) + "; nothing was deployed."));
            }
            default -> {
                if (now.isBefore(r.expiresAt())) return Optional.empty();
                if (requests.decide(h, r.id(), ApprovalRequest.State.EXPIRED, null, r.expiresAt())) cards.show(requests.lock(h, r.id()).orElseThrow());
                return Optional.of(note(":hourglass: This request expired " + Since.of(r.expiresAt()) + "; nothing was deployed."));
            }
        }
    }

    /** The last approval came: the deployment is asked for again, approved, and continues the card's message. */
    private Reply start(Handle h, ApprovalRequest r) {
        Optional<Binding> binding = bindings.ofRepository(r.repository());
        Optional<Environments.Environment> env = environments.find(r.environment());
        RequestDeployment.Outcome outcome;
        if (binding.isEmpty() || env.isEmpty()) {
            outcome = new RequestDeployment.Outcome.Refused(null, "`" + r.repository() + "` is no longer set up, or `" + r.environment()
                    + "` no longer configured.");
        } else {
            // The decision took the card to revision + 1, and recording the outcome takes it to + 2; the deployment follows.
            Deployment.Origin origin = new Deployment.Origin(r.cardKey(), r.rollbackTo(), r.emergencyReason(), r.approvers());
            outcome = deploy.request(new DeployRequest(binding.get(), env.get(), r.gitRef(), r.sha(), r.trigger(), r.requestedBy(),
                    r.authorLogin(), r.requestedBy() == null ? null : people.roleOf(r.requestedBy()), origin, r.revision() + 2));
        }
        String said = said(outcome);
        Long deploymentId = outcome instanceof RequestDeployment.Outcome.Started started ? started.deployment().id() : null;
        requests.outcome(h, r.id(), deploymentId, deploymentId == null ? said : null);
        if (deploymentId == null) cards.show(requests.lock(h, r.id()).orElseThrow());
        return note(":white_check_mark: Approved. " + said);
    }

    private static String said(RequestDeployment.Outcome outcome) {
        if (outcome instanceof RequestDeployment.Outcome.Started started) return "Deployment #" + started.deployment().id() + " started.";
        if (outcome instanceof RequestDeployment.Outcome.Queued queued) {
            return ":hourglass_flowing_sand: It is queued, #" + Math.max(1, queued.place()) + " in line. " + queued.busy();
        }
        if (outcome instanceof RequestDeployment.Outcome.Held held) return "It is held until the freeze ends, " + held.window().endText() + ".";
        if (outcome instanceof RequestDeployment.Outcome.Refused refused) return "But it did not start: " + refused.why();
        return "";
    }

    private Optional<ApprovalRequest> lock(Handle h, String value) {
        try {
            return requests.lock(h, Long.parseLong(value));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }

    private static Reply note(String text) {
        return Reply.text(text);
    }
}
