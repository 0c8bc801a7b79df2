package dev.capstan.features.deploy;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Starts a deployment the rules allowed: the environment is claimed in the database, so that of two simultaneous
 * requests (on any replicas) one starts and the other finds it busy. A started deployment gets its message (an
 * approval card's, continued) and a job that creates it on GitHub.
 */
final class StartDeployment {
    private final Jdbi jdbi;
    private final Deployments deployments;
    private final DeployLocks locks;
    private final DeploymentProgress progress;
    private final DeployJobs jobs;

    StartDeployment(Jdbi jdbi, Deployments deployments, DeployLocks locks, DeploymentProgress progress, DeployJobs jobs) {
        this.jdbi = jdbi;
        this.deployments = deployments;
        this.locks = locks;
        this.progress = progress;
        this.jobs = jobs;
    }

    /** The deployment started, or empty when another one holds the environment. */
    Optional<Deployment> start(DeployRequest r) {
        Environments.Environment env = r.environment();
        String key = r.binding().key();
        return jdbi.inTransaction(h -> {
            if (!locks.take(h, key, env.name(), DeployLock.LockType.RUN, r.requestedBy(), null, null)) return Optional.<Deployment>empty();
            Deployment d = deployments.insert(h, new Deployments.NewDeployment(r.binding().repository(), env.name(), r.ref().full(),
                    r.sha(), env.pullRequest(), r.trigger(), r.requestedBy(), r.authorLogin(), r.binding().channelId(),
                    r.binding().environmentUrl(env.name()), env.ci().kind(), null, DeploymentState.REQUESTED, r.origin(), r.messageVersion()));
            h.createUpdate("update deploy_locks set deployment_id = :d where repository_key = :k and environment = :e and kind = 'run'")
                    .bind("d", d.id()).bind("k", key).bind("e", env.name()).execute();
            progress.show(d);
            jobs.create().enqueueOnce("deploy-create-" + d.id(), new DeployJobs.DeploymentRef(d.id()));
            return Optional.of(d);
        });
    }

    /** Takes the environment again for a deployment that waited for its checks; false when another deployment holds it. */
    boolean resume(Deployment d) {
        return jdbi.inTransaction(h -> locks.take(h, d.repositoryKey(), d.environment(), DeployLock.LockType.RUN, d.requestedBy(), null, d.id())
                || h.createQuery("select count(*) from deploy_locks where repository_key = :k and environment = :e and kind = 'run' "
                        + "and deployment_id = :d").bind("k", d.repositoryKey()).bind("e", d.environment()).bind("d", d.id())
                .mapTo(Integer.class).one() == 1);
    }
}
