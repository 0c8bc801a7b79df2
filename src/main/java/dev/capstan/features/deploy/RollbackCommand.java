package dev.capstan.features.deploy;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.ConfirmationType;
import dev.capstan.command.Refusal;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rollback <env>}: proposes the environment's last successful deployment before the current one (of another
 * commit; the current one is the latest that reached GitHub, so after a failed deployment it is the failed one), and once confirmed deploys that commit again, marked as a rollback. It meets the environment's rules like
 * any deployment (a rollback skips only the ref rule, since that commit was deployed there before), so others' locks hold.
 */
@Command(name = "rollback", description = "Deploy the environment's previous successful commit again, after you confirm.")
@CommandInfo(role = Role.MEMBER)
final class RollbackCommand implements CapstanCommand {
    /** What the confirmation carries: where, back to which deployment, from which one, and an emergency reason. */
    record Proposal(String channelId, String environment, long targetId, long currentId, String emergencyReason) { }

    private final DeployServices services;
    private final ConfirmationType<Proposal> confirmation;

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment to roll back.")
    String environment;

    @Option(names = "--emergency", paramLabel = "REASON", description = "Override a freeze (if the policy lets you); the reason is kept.")
    String emergency;

    RollbackCommand(DeployServices services, ConfirmationType<Proposal> confirmation) {
        this.services = services;
        this.confirmation = confirmation;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Reply badReason = DeployCommand.checkReason(emergency);
        if (badReason != null) return badReason;
        Binding binding = services.binding(ctx.caller().channelId());
        Environments.Environment env = services.environment(environment);
        Optional<Deployment> current = services.deployments().current(binding.repository(), env.name());
        Optional<Deployment> target = current.flatMap(c -> services.deployments().successBefore(c));
        if (target.isEmpty() && services.deployments().lastSuccess(binding.repository(), env.name()).isEmpty()) {
            return Reply.text("Nothing was deployed to `" + env.name() + "` successfully yet, so there is nothing to roll back.");
        }
        if (target.isEmpty()) {
            return Reply.text("There is no earlier successful deployment of another commit to `" + env.name() + "` to roll back to; the current one is #"
                    + current.get().id() + " (`" + current.get().gitRef().label() + "`, " + current.get().state().label() + ").");
        }
        Optional<DeployLock> lock = services.locks().find(binding.key(), env.name(), DeployLock.LockType.LOCK).filter(h -> !h.holder().equals(ctx.userId()));
        if (lock.isPresent()) {
            throw new Refusal(DeployGate.rule(env.name(), "lock"), ":lock: `" + env.name() + "` is locked by <@" + lock.get().holder() + "> since " + Since.of(lock.get().since())
                    + (lock.get().reason() == null ? "" : ": " + lock.get().reason()) + ". Ask them to `unlock " + env.name() + "` first.");
        }
        Deployment from = current.get();
        Deployment to = target.get();
        return ctx.confirm(":leftwards_arrow_with_hook: Roll `" + env.name() + "` back from `" + from.gitRef().label() + "` (`" + from.shortSha()
                + "`, deployment #" + from.id() + " by " + from.who() + ") to `" + to.gitRef().label() + "` (`" + to.shortSha() + "`, deployment #"
                + to.id() + ")?", confirmation, new Proposal(ctx.caller().channelId(), env.name(), to.id(), from.id(), emergency));
    }

    /** The owner confirmed: the earlier commit is asked for again, marked as a rollback. */
    static Reply confirmed(DeployServices services, CommandContext ctx, Proposal p) {
        Binding binding = services.binding(p.channelId());
        Environments.Environment env = services.environment(p.environment());
        Optional<Deployment> target = services.deployments().find(p.targetId());
        if (target.isEmpty()) return Reply.text(":warning: Deployment #" + p.targetId() + " is gone; nothing was rolled back.");
        Deployment to = target.get();
        boolean frozen = env.policy().freezes().current(services.clock().instant()).isPresent();
        DeployRequest request = new DeployRequest(binding, env, to.gitRef(), to.sha(), "slack", ctx.userId(), services.login(ctx.userId()),
                ctx.role(), new Deployment.Origin(null, to.id(), frozen ? p.emergencyReason() : null, null), 0);
        return DeployOutcomes.reply(services.requests().request(request), to.gitRef(), env.name());
    }
}
