package dev.capstan.features.deploy;

import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.People;
import dev.capstan.command.Reply;
import dev.capstan.jobs.JobResult;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The durable job that moves an environment's queue when it may have freed up (a deployment ended, an admin freed it,
 * or a request was just queued): the first waiting request meets the rules again and starts; one the rules now refuse
 * is dropped and its requester told why, and the next one gets its turn. When a deployment ended, the deployments there
 * that wait for their checks are asked again too (each takes the environment only if it is free and its checks passed). Whichever replica runs it, the database
 * lets one entry start once.
 */
final class QueueRunner {
    private static final int MAX_TURNS = 50;

    private enum Step { STARTED, BUSY, TAKEN }

    private final Jdbi jdbi;
    private final DeployQueue queue;
    private final Deployments deployments;
    private final Bindings bindings;
    private final Environments environments;
    private final People people;
    private final DeployGate gate;
    private final StartDeployment starter;
    private final HeldDeployments held;
    private final DeployJobs jobs;
    private final Outbox outbox;

    QueueRunner(Jdbi jdbi, DeployQueue queue, Deployments deployments, Bindings bindings, Environments environments, People people,
                DeployGate gate, StartDeployment starter, HeldDeployments held, DeployJobs jobs, Outbox outbox) {
        this.jdbi = jdbi;
        this.queue = queue;
        this.deployments = deployments;
        this.bindings = bindings;
        this.environments = environments;
        this.people = people;
        this.gate = gate;
        this.starter = starter;
        this.held = held;
        this.jobs = jobs;
        this.outbox = outbox;
    }

    JobResult<DeployJobs.EnvironmentRef> run(DeployJobs.EnvironmentRef ref) {
        if (ref.ended()) {
            deployments.waitingIn(ref.repository(), ref.environment())
                    .forEach(d -> jobs.create().enqueue(new DeployJobs.DeploymentRef(d.id())));
        }
        Optional<Binding> binding = bindings.ofRepository(ref.repository());
        Optional<Environments.Environment> env = environments.find(ref.environment());
        for (int turn = 0; turn < MAX_TURNS; turn++) {
            List<DeployQueue.Entry> waiting = queue.waiting(Binding.key(ref.repository()), ref.environment(), DeployQueue.WaitReason.QUEUED);
            if (waiting.isEmpty()) return JobResult.done();
            DeployQueue.Entry next = waiting.get(0);
            if (binding.isEmpty() || env.isEmpty()) {
                drop(next, "`" + next.repository() + "` is no longer set up in a channel, or `" + next.environment() + "` no longer configured.");
                continue;
            }
            DeployRequest r = request(next, binding.get(), env.get());
            DeployGate.Verdict verdict = gate.evaluate(r);
            if (verdict instanceof DeployGate.Verdict.Busy) return JobResult.done();
            if (verdict instanceof DeployGate.Verdict.Allowed) {
                Step step = jdbi.inTransaction(h -> {
                    if (!queue.claim(h, next.id())) return Step.TAKEN;
                    Optional<Deployment> started = starter.start(r);
                    if (started.isEmpty()) {
                        queue.unclaim(h, next.id());
                        return Step.BUSY;
                    }
                    queue.started(h, next.id(), started.get().id());
                    if (r.manual()) {
                        outbox.send(new Destination.DirectMessage(next.requestedBy()), Reply.text(":arrow_forward: Your turn: deployment #"
                                + started.get().id() + " of `" + next.gitRef().label() + "` to `" + next.environment() + "` started. See <#"
                                + next.channelId() + ">."));
                    }
                    return Step.STARTED;
                });
                if (step != Step.TAKEN) return JobResult.done();
                continue;
            }
            if (verdict instanceof DeployGate.Verdict.Frozen frozen && !r.manual()) {
                jdbi.useTransaction(h -> {
                    if (!queue.claim(h, next.id())) return;
                    queue.drop(h, next.id(), "held until the freeze ends");
                    held.hold(r, frozen.window());
                });
                continue;
            }
            drop(next, why(verdict));
        }
        return JobResult.done();
    }

    /** The entry asked again as it was asked then, by its requester with their role now. */
    private DeployRequest request(DeployQueue.Entry e, Binding binding, Environments.Environment env) {
        return new DeployRequest(binding, env, e.gitRef(), e.sha(), e.trigger(), e.requestedBy(), e.authorLogin(),
                e.requestedBy() == null ? null : people.roleOf(e.requestedBy()), e.origin(), e.messageVersion());
    }

    private void drop(DeployQueue.Entry e, String why) {
        jdbi.useTransaction(h -> {
            if (!queue.claim(h, e.id())) return;
            queue.drop(h, e.id(), why);
            String text = ":no_entry: The queued deployment of `" + e.gitRef().label() + "` to `" + e.environment() + "` (" + e.who()
                    + ") did not start when its turn came. " + why;
            outbox.send(e.requestedBy() == null ? new Destination.Channel(e.channelId()) : new Destination.DirectMessage(e.requestedBy()),
                    Reply.text(text));
        });
    }

    private static String why(DeployGate.Verdict verdict) {
        if (verdict instanceof DeployGate.Verdict.NeedsApprovals needs) return needs.why() + " Ask again to get an approval card.";
        return DeployGate.refusal(verdict).orElse("");
    }
}
