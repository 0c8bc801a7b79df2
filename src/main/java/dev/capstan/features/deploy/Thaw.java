package dev.capstan.features.deploy;

import dev.capstan.jobs.JobResult;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The durable job at the end of a freeze: the environment's latest held automatic deployment is asked for again.
 * If another freeze follows (the rules changed, or a window was added), it waits for that one instead.
 */
final class Thaw {
    private final Jdbi jdbi;
    private final DeployQueue queue;
    private final Bindings bindings;
    private final Environments environments;
    private final HeldDeployments held;
    private final AutoDeployments auto;
    private final Deadlines deadlines;

    Thaw(Jdbi jdbi, DeployQueue queue, Bindings bindings, Environments environments, HeldDeployments held, AutoDeployments auto,
         Deadlines deadlines) {
        this.jdbi = jdbi;
        this.queue = queue;
        this.bindings = bindings;
        this.environments = environments;
        this.held = held;
        this.auto = auto;
        this.deadlines = deadlines;
    }

    JobResult<DeployJobs.FreezeEnd> run(DeployJobs.FreezeEnd thaw) {
        Optional<JobResult<DeployJobs.FreezeEnd>> early = deadlines.notYet(thaw.due(), thaw);
        if (early.isPresent()) return early.get();
        Optional<Binding> binding = bindings.ofRepository(thaw.repository());
        Optional<Environments.Environment> env = environments.find(thaw.environment());
        if (binding.isEmpty() || env.isEmpty()) return JobResult.done();
        Optional<Freezes.Window> again = env.get().policy().freezes().current(deadlines.now());
        if (again.isPresent()) {
            held.thawAt(binding.get(), env.get().name(), again.get());
            return JobResult.done();
        }
        List<DeployQueue.Entry> waiting = queue.waiting(binding.get().key(), env.get().name(), DeployQueue.WaitReason.HELD);
        if (waiting.isEmpty()) return JobResult.done();
        DeployQueue.Entry latest = waiting.get(waiting.size() - 1);
        if (!jdbi.inTransaction(h -> queue.claim(h, latest.id()))) return JobResult.done();
        auto.announce(new DeployRequest(binding.get(), env.get(), latest.gitRef(), latest.sha(), latest.trigger(), latest.requestedBy(),
                latest.authorLogin(), null, latest.origin(), latest.messageVersion()));
        return JobResult.done();
    }
}
