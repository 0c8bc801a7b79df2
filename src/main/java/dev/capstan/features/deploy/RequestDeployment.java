package dev.capstan.features.deploy;

import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What becomes of a deployment request, from a command, a webhook, a rollback, an approval or a thaw: the rules are
 * met in order ({@link DeployGate}); a refusal says why (and a lock's holder hears of the automatic deployment it
 * blocked); during a freeze an automatic deployment is held; approvals open a card; otherwise it starts, or, when
 * another deployment runs, is queued where the environment queues and refused where it does not.
 */
final class RequestDeployment {
    /** What became of the request. */
    sealed interface Outcome {
        record Started(Deployment deployment) implements Outcome { }

        /** Waiting for the environment, {@code place} in line, behind what {@code busy} describes. */
        record Queued(long entryId, int place, String busy) implements Outcome { }

        record Held(Freezes.Window window) implements Outcome { }

        record AwaitingApproval(ApprovalRequest request, String why) implements Outcome { }

        /** Refused, by the environment's {@code rule} ("`qa` deployers") or, when it is null, by circumstance. */
        record Refused(String rule, String why) implements Outcome { }
    }

    private final Jdbi jdbi;
    private final DeployGate gate;
    private final StartDeployment starter;
    private final DeployQueue queue;
    private final ApprovalCards cards;
    private final HeldDeployments held;
    private final DeployLocks locks;
    private final DeployJobs jobs;
    private final Outbox outbox;

    RequestDeployment(Jdbi jdbi, DeployGate gate, StartDeployment starter, DeployQueue queue, ApprovalCards cards, HeldDeployments held,
                      DeployLocks locks, DeployJobs jobs, Outbox outbox) {
        this.jdbi = jdbi;
        this.gate = gate;
        this.starter = starter;
        this.queue = queue;
        this.cards = cards;
        this.held = held;
        this.locks = locks;
        this.jobs = jobs;
        this.outbox = outbox;
    }

    Outcome request(DeployRequest r) {
        DeployGate.Verdict verdict = gate.evaluate(r);
        String env = r.environment().name();
        if (verdict instanceof DeployGate.Verdict.Refused refused) return new Outcome.Refused(refused.rule(), refused.why());
        if (verdict instanceof DeployGate.Verdict.Locked locked) {
            if (!r.manual()) tellHolderOfBlockedDeployment(locked.lock(), r);
            return new Outcome.Refused(DeployGate.rule(env, "lock"), locked.why());
        }
        if (verdict instanceof DeployGate.Verdict.Frozen frozen) {
            if (r.manual()) return new Outcome.Refused(DeployGate.rule(env, "freeze"), frozen.why());
            held.hold(r, frozen.window());
            return new Outcome.Held(frozen.window());
        }
        if (verdict instanceof DeployGate.Verdict.NeedsApprovals needs) return new Outcome.AwaitingApproval(cards.open(r), needs.why());
        return startOrQueue(r);
    }

    private Outcome startOrQueue(DeployRequest r) {
        Optional<Deployment> started = starter.start(r);
        if (started.isPresent()) return new Outcome.Started(started.get());
        String name = r.environment().name();
        String busy = locks.find(r.binding().key(), name, DeployLock.LockType.RUN).map(h -> gate.busy(h, name))
                .orElse(":construction: Another deployment to `" + name + "` is starting right now; try again in a moment.");
        if (!r.environment().policy().queue()) return new Outcome.Refused(DeployGate.rule(name, "one deployment at a time"), busy);
        long id = jdbi.inTransaction(h -> {
            long entry = queue.add(h, r, DeployQueue.WaitReason.QUEUED);
            jobs.queueNext().enqueue(new DeployJobs.EnvironmentRef(r.binding().repository(), name, false));
            return entry;
        });
        return new Outcome.Queued(id, queue.place(id), busy);
    }

    private void tellHolderOfBlockedDeployment(DeployLock lock, DeployRequest r) {
        outbox.send(new Destination.DirectMessage(lock.holder()), Reply.text(":lock: Your lock on `" + r.environment().name()
                + "` of `" + r.binding().repository() + "` blocked an automatic deployment of `" + r.ref().label() + "` ("
                + r.trigger() + (r.authorLogin() == null ? "" : " by `" + r.authorLogin() + "`") + "). Unlock it with `/deploy unlock "
                + r.environment().name() + "` in <#" + r.binding().channelId() + "> when you're done."));
    }
}
