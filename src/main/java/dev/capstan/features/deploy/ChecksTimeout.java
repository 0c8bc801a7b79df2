package dev.capstan.features.deploy;

import dev.capstan.jobs.JobResult;
import java.util.Optional;

/**
 * The deadline of a deployment waiting for its required checks: at the environment's {@code checks_timeout} after it
 * was asked for, one still waiting expires (nothing was deployed) and its requester gets a DM; one that started or
 * ended meanwhile is left alone.
 */
final class ChecksTimeout {
    private final DeploymentProgress progress;
    private final Deadlines deadlines;

    ChecksTimeout(DeploymentProgress progress, Deadlines deadlines) {
        this.progress = progress;
        this.deadlines = deadlines;
    }

    JobResult<DeployJobs.Due> run(DeployJobs.Due due) {
        Optional<JobResult<DeployJobs.Due>> early = deadlines.notYet(due.due(), due);
        if (early.isPresent()) return early.get();
        progress.advance(due.id(), false, d -> d.state() != DeploymentState.WAITING ? null : d.with(DeploymentState.EXPIRED,
                ":hourglass: The required checks were still not all green " + Since.of(due.due()) + ", so the request expired. "
                        + "Nothing was deployed; deploy again once the checks pass."));
        return JobResult.done();
    }
}
