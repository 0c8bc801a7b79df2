package dev.capstan.features.deploy;

import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import org.jdbi.v3.core.Jdbi;

/**
 * Automatic deployments during a freeze: held (the latest per environment) until the freeze ends, when a durable job
 * starts it. The channel is told once per freeze: the job's key names the freeze's end, so only its first enqueue
 * is new.
 */
final class HeldDeployments {
    private final Jdbi jdbi;
    private final DeployQueue queue;
    private final DeployJobs jobs;
    private final Outbox outbox;

    HeldDeployments(Jdbi jdbi, DeployQueue queue, DeployJobs jobs, Outbox outbox) {
        this.jdbi = jdbi;
        this.queue = queue;
        this.jobs = jobs;
        this.outbox = outbox;
    }

    void hold(DeployRequest r, Freezes.Window window) {
        jdbi.useTransaction(h -> {
            queue.supersedeHeld(h, r.binding().key(), r.environment().name());
            queue.add(h, r, DeployQueue.WaitReason.HELD);
            thawAt(r.binding(), r.environment().name(), window);
        });
    }

    /** Schedules the start of the environment's held deployment when {@code window} ends, telling the channel the first time. */
    void thawAt(Binding binding, String environment, Freezes.Window window) {
        String key = "deploy-thaw-" + binding.channelId() + "-" + environment + "-" + window.end().getEpochSecond();
        if (jobs.thaw().enqueueOnceAt(key, window.end(), new DeployJobs.FreezeEnd(binding.repository(), environment, window.end()))) {
            outbox.send(new Destination.Channel(binding.channelId()), Reply.text(":snowflake: `" + environment + "` is frozen until "
                    + window.endText() + ". Automatic deployments to it are held; the latest of them starts when the freeze ends."));
        }
    }
}
