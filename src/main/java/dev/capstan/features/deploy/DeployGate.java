package dev.capstan.features.deploy;

import java.time.Clock;
import java.util.Optional;

/**
 * The rules a deployment request meets, in order, without changing anything (so that a dry run shows what a real
 * request would meet): the environment's refs, who may deploy, other people's locks, freeze windows (unless overridden
 * in an emergency by someone allowed to), approvals, and whether another deployment is running.
 */
final class DeployGate {
    /** What the rules say about a request. */
    sealed interface Verdict {
        /** No rule stands in the way (the environment may still be taken by someone else a moment later). */
        record Allowed() implements Verdict { }

        /** A rule of the environment says no: {@code rule} names it for the audit log ("`qa` deployers"). */
        record Refused(String rule, String why) implements Verdict { }

        /** Someone else's lock; {@code why} says who, since when and why. */
        record Locked(DeployLock lock, String why) implements Verdict { }

        record Frozen(Freezes.Window window, String why) implements Verdict { }

        record NeedsApprovals(String why) implements Verdict { }

        /** Another deployment runs: refused, or queued where the environment queues. */
        record Busy(String why) implements Verdict { }
    }

    /** The rule of {@code environment} called {@code what}, as the audit log names it: "`production` lock". */
    static String rule(String environment, String what) {
        return "`" + environment + "` " + what;
    }

    /** Why the rules refuse a request now, for one that waited (busy is not a refusal: it waits on); empty when they don't. */
    static Optional<String> refusal(Verdict verdict) {
        if (verdict instanceof Verdict.Refused refused) return Optional.of(refused.why());
        if (verdict instanceof Verdict.Locked locked) return Optional.of(locked.why());
        if (verdict instanceof Verdict.Frozen frozen) return Optional.of(frozen.why());
        if (verdict instanceof Verdict.NeedsApprovals needs) return Optional.of(needs.why());
        return Optional.empty();
    }

    private final DeployLocks locks;
    private final Deployments deployments;
    private final Clock clock;

    DeployGate(DeployLocks locks, Deployments deployments, Clock clock) {
        this.locks = locks;
        this.deployments = deployments;
        this.clock = clock;
    }

    Verdict evaluate(DeployRequest r) {
        Environments.Environment env = r.environment();
        DeployPolicy policy = env.policy();
        if (env.pullRequest() == null && !r.rollback() && !env.allows(r.ref())) {
            return new Verdict.Refused(rule(env.name(), "refs"), ":no_entry: " + env.rule() + "; `" + r.ref().label() + "` is " + kind(r.ref()) + ".");
        }
        if (r.manual()) {
            Optional<String> notYou = policy.refusesDeployer(env.name(), r.requestedBy(), r.role());
            if (notYou.isPresent()) return new Verdict.Refused(rule(env.name(), "deployers"), notYou.get());
        }
        Optional<DeployLock> lock = locks.find(r.binding().key(), env.name(), DeployLock.LockType.LOCK);
        if (lock.isPresent() && !(r.manual() && lock.get().holder().equals(r.requestedBy()))) {
            DeployLock held = lock.get();
            return new Verdict.Locked(held, ":lock: `" + env.name() + "` is locked by <@" + held.holder() + "> since " + Since.of(held.since())
                    + (held.reason() == null ? "" : ": " + held.reason()) + (r.manual() ? ". Ask them to `unlock " + env.name() + "`." : "."));
        }
        Optional<Freezes.Window> freeze = policy.freezes().current(clock.instant());
        if (freeze.isPresent()) {
            String reason = r.origin().emergencyReason();
            if (reason == null || !r.manual()) {
                return new Verdict.Frozen(freeze.get(), ":snowflake: `" + env.name() + "` is frozen until " + freeze.get().endText() + "."
                        + (r.manual() ? " " + overrideHint(policy, r) : ""));
            }
            if (!policy.mayOverrideFreeze(r.requestedBy(), r.role())) {
                return new Verdict.Refused(rule(env.name(), "emergency"), ":no_entry: `" + env.name() + "` is frozen until " + freeze.get().endText()
                        + ", and only " + policy.overriders() + " may override a freeze; you are " + r.role().label() + ".");
            }
        }
        if (policy.approvalsNeeded() > 0 && r.origin().approvedBy() == null) {
            return new Verdict.NeedsApprovals(":raised_hand: `" + env.name() + "` needs " + policy.approvalRule() + ".");
        }
        Optional<DeployLock> running = locks.find(r.binding().key(), env.name(), DeployLock.LockType.RUN);
        if (running.isPresent()) return new Verdict.Busy(busy(running.get(), env.name()));
        return new Verdict.Allowed();
    }

    /** "<@U> is deploying `main` to `staging` (deployment #4, since …)". */
    String busy(DeployLock hold, String environment) {
        Optional<Deployment> running = hold.deploymentId() == null ? Optional.empty() : deployments.find(hold.deploymentId());
        if (running.isEmpty()) return ":construction: Another deployment to `" + environment + "` is starting right now; try again in a moment.";
        Deployment d = running.get();
        return ":construction: " + d.who() + " is deploying `" + d.gitRef().label() + "` to `" + environment + "` (deployment #"
                + d.id() + ", " + d.state().label() + " since " + Since.of(d.createdAt()) + "). One deployment per environment at a time.";
    }

    private static String overrideHint(DeployPolicy policy, DeployRequest r) {
        if (policy.mayOverrideFreeze(r.requestedBy(), r.role())) {
            return "If it cannot wait, add `--emergency \"reason\"`; the reason goes on the message and in the audit log.";
        }
        return "Only " + policy.overriders() + " may override a freeze.";
    }

    private static String kind(GitRef ref) {
        return switch (ref.kind()) {
            case BRANCH -> "a branch";
            case TAG -> "a tag";
            case OTHER -> "neither a branch nor a tag";
        };
    }
}
