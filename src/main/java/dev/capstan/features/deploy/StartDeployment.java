package dev.capstan.features.deploy;

import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Starts a deployment, from a command or a webhook: the environment's ref rule, then the explicit lock, then the
 * environment itself, claimed in the database so that of two simultaneous requests (on any replicas) one starts and
 * the other is told who is deploying what. A started deployment gets its message and a job that creates it on GitHub.
 */
final class StartDeployment {
    /** What to deploy where, and who or what asked. */
    record Request(Binding binding, Environments.Environment environment, GitRef ref, String sha, String trigger,
                   String requestedBy, String authorLogin) { }

    /** Started, or refused with the reason in a sentence. */
    sealed interface Outcome {
        record Started(Deployment deployment) implements Outcome { }

        record Refused(String why) implements Outcome { }
    }

    private final Jdbi jdbi;
    private final Deployments deployments;
    private final Holds holds;
    private final Progress progress;
    private final DeployJobs jobs;
    private final Outbox outbox;

    StartDeployment(Jdbi jdbi, Deployments deployments, Holds holds, Progress progress, DeployJobs jobs, Outbox outbox) {
        this.jdbi = jdbi;
        this.deployments = deployments;
        this.holds = holds;
        this.progress = progress;
        this.jobs = jobs;
        this.outbox = outbox;
    }

    Outcome start(Request r) {
        Environments.Environment env = r.environment();
        if (env.pullRequest() == null && !env.allows(r.ref())) {
            return new Outcome.Refused(":no_entry: " + env.rule() + "; `" + r.ref().label() + "` is " + kind(r.ref()) + ".");
        }
        String key = r.binding().key();
        Optional<Hold> lock = holds.find(key, env.name(), Hold.Kind.LOCK);
        boolean manual = r.requestedBy() != null && r.trigger().equals("slack");
        if (lock.isPresent() && !(manual && lock.get().holder().equals(r.requestedBy()))) {
            if (!manual) tellHolderOfBlockedDeployment(lock.get(), r);
            return new Outcome.Refused(":lock: `" + env.name() + "` is locked by <@" + lock.get().holder() + "> since "
                    + Since.of(lock.get().since()) + (lock.get().reason() == null ? "" : ": " + lock.get().reason())
                    + (manual ? ". Ask them to `unlock " + env.name() + "`." : "."));
        }
        Optional<Deployment> started = jdbi.inTransaction(h -> {
            if (!holds.take(h, key, env.name(), Hold.Kind.RUN, r.requestedBy(), null, null)) return Optional.<Deployment>empty();
            Deployment d = deployments.insert(h, new Deployments.NewDeployment(r.binding().repository(), env.name(), r.ref().full(),
                    r.sha(), env.pullRequest(), r.trigger(), r.requestedBy(), r.authorLogin(), r.binding().channelId(),
                    r.binding().environmentUrl(env.name()), env.ci().kind(), null, DeploymentState.REQUESTED));
            h.createUpdate("update deploy_locks set deployment_id = :d where repository_key = :k and environment = :e and kind = 'run'")
                    .bind("d", d.id()).bind("k", key).bind("e", env.name()).execute();
            progress.show(d);
            jobs.create().enqueueOnce("deploy-create-" + d.id(), new DeployJobs.DeploymentRef(d.id()));
            return Optional.of(d);
        });
        if (started.isPresent()) return new Outcome.Started(started.get());
        return new Outcome.Refused(busy(key, env.name()));
    }

    /** "<@U> is deploying `main` to `staging` (deployment #4, since …)". */
    private String busy(String key, String environment) {
        Optional<Deployment> running = holds.find(key, environment, Hold.Kind.RUN)
                .flatMap(hold -> hold.deploymentId() == null ? Optional.empty() : deployments.find(hold.deploymentId()));
        if (running.isEmpty()) return ":construction: Another deployment to `" + environment + "` is starting right now; try again in a moment.";
        Deployment d = running.get();
        return ":construction: " + d.who() + " is deploying `" + d.gitRef().label() + "` to `" + environment + "` (deployment #"
                + d.id() + ", " + d.state().label() + " since " + Since.of(d.createdAt()) + "). One deployment per environment at a time.";
    }

    private void tellHolderOfBlockedDeployment(Hold lock, Request r) {
        outbox.send(new Destination.DirectMessage(lock.holder()), Reply.text(":lock: Your lock on `" + r.environment().name()
                + "` of `" + r.binding().repository() + "` blocked an automatic deployment of `" + r.ref().label() + "` ("
                + r.trigger() + (r.authorLogin() == null ? "" : " by `" + r.authorLogin() + "`") + "). Unlock it with `/deploy unlock "
                + r.environment().name() + "` in <#" + r.binding().channelId() + "> when you're done."));
    }

    private static String kind(GitRef ref) {
        return switch (ref.kind()) {
            case BRANCH -> "a branch";
            case TAG -> "a tag";
            case OTHER -> "neither a branch nor a tag";
        };
    }
}
