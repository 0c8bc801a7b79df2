package dev.capstan.features.deploy;

import dev.capstan.command.Messages;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens approval requests and shows their cards: a new request is stored, its card posted in the channel (an
 * updatable message, so that any replica can change it and the deployment can take it over), and a durable job waits
 * for its deadline.
 */
final class ApprovalCards {
    private final Jdbi jdbi;
    private final ApprovalRequests requests;
    private final Environments environments;
    private final Messages messages;
    private final DeployJobs jobs;
    private final Clock clock;

    ApprovalCards(Jdbi jdbi, ApprovalRequests requests, Environments environments, Messages messages, DeployJobs jobs, Clock clock) {
        this.jdbi = jdbi;
        this.requests = requests;
        this.environments = environments;
        this.messages = messages;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Stores a pending request for {@code r}, posts its card and schedules its expiry. */
    ApprovalRequest open(DeployRequest r) {
        DeployPolicy policy = r.environment().policy();
        Instant now = clock.instant();
        Instant expires = now.plus(policy.approvals().timeout());
        return jdbi.inTransaction(h -> {
            ApprovalRequest request = requests.insert(h, r, policy.approvalsNeeded(), now, expires);
            show(request);
            jobs.approvalExpiry().enqueueOnceAt("deploy-approval-expiry-" + request.id(), expires,
                    new DeployJobs.Due(request.id(), expires));
            return request;
        });
    }

    /** Shows the request as its row says now. */
    void show(ApprovalRequest request) {
        DeployPolicy policy = environments.find(request.environment()).map(Environments.Environment::policy).orElse(DeployPolicy.OPEN);
        String rule = policy.approvals() == null ? "approvals are no longer configured" : policy.approvalRule();
        boolean self = policy.approvals() != null && policy.approvals().selfApproval();
        messages.show(request.cardKey(), request.channelId(), request.revision(), ApprovalCard.render(request, rule, self));
    }
}
