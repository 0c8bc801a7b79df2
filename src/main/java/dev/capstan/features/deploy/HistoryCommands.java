package dev.capstan.features.deploy;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.platform.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code status [env]}: what is deployed where and why the next deployment would be refused; {@code list [env]
 * [--limit N]}: the history, newest first.
 */
final class HistoryCommands {
    private HistoryCommands() {
    }

    @Command(name = "status", description = "What is deployed where, and what would stop the next deployment.")
    @CommandInfo(role = Role.MEMBER)
    static final class Status implements CapstanCommand {
        private final DeployServices services;

        @Parameters(arity = "0..1", paramLabel = "ENV")
        String environment;

        Status(DeployServices services) {
            this.services = services;
        }

        @Override
        public Reply run(CommandContext ctx) {
            Binding binding = services.binding(ctx.caller().channelId());
            List<String> names = environment == null ? services.environments().names() : List.of(services.environment(environment).name());
            StringBuilder text = new StringBuilder("*" + binding.repository() + "*");
            for (String env : names) {
                text.append("\n*").append(env).append("*: ");
                Optional<Deployment> last = services.deployments().lastSuccess(binding.repository(), env);
                text.append(last.map(d -> "`" + d.gitRef().label() + "`" + (d.sha() == null ? "" : " (`" + d.shortSha() + "`)")
                        + " deployed by " + d.who() + " "
                        + Since.of(d.finishedAt() == null ? d.createdAt() : d.finishedAt())).orElse("nothing deployed yet"));
                List<String> blockers = new ArrayList<>();
                services.locks().find(binding.key(), env, DeployLock.LockType.LOCK).ifPresent(h -> blockers.add(describe(services, h)));
                services.locks().find(binding.key(), env, DeployLock.LockType.RUN).ifPresent(h -> blockers.add(describe(services, h)));
                Environments.Environment policyOf = services.environment(env);
                policyOf.policy().freezes().current(services.clock().instant())
                        .ifPresent(w -> blockers.add(":snowflake: frozen until " + w.endText()));
                services.approvals().pending(binding.key(), env).forEach(r -> blockers.add(":raised_hand: approval request #" + r.id()
                        + " of `" + r.gitRef().label() + "` by " + (r.requestedBy() == null ? "GitHub" : "<@" + r.requestedBy() + ">")
                        + " waits for " + r.missing() + " more approval" + (r.missing() == 1 ? "" : "s")));
                List<DeployQueue.Entry> queued = services.queue().waiting(binding.key(), env, DeployQueue.WaitReason.QUEUED);
                if (!queued.isEmpty()) {
                    blockers.add(":hourglass_flowing_sand: queued: " + String.join(", ", queued.stream()
                            .map(q -> "`" + q.gitRef().label() + "` by " + q.who()).toList()));
                }
                text.append(blockers.isEmpty() ? "\n    next deployment: nothing stands in the way"
                        : "\n    next deployment would wait or be refused: " + String.join("; ", blockers));
                services.deployments().waitingIn(binding.repository(), env).forEach(d -> text.append("\n    waiting for checks, not holding `")
                        .append(env).append("`: deployment #").append(d.id()).append(" of `").append(d.gitRef().label()).append("` by ")
                        .append(d.who()).append(d.detail() == null ? "" : ": " + d.detail()));
                if (policyOf.policy().approvalsNeeded() > 0) text.append("\n    needs ").append(policyOf.policy().approvalRule());
                if (!policyOf.policy().freezes().none()) {
                    text.append("\n    freezes: ").append(FreezeCommand.state(policyOf.policy().freezes(), services.clock().instant()));
                }
            }
            return Reply.text(text.toString());
        }
    }

    @Command(name = "list", description = "Deployments, newest first: ref, sha, who, state, who approved, an emergency's reason, duration.")
    @CommandInfo(role = Role.MEMBER)
    static final class ListDeployments implements CapstanCommand {
        private final DeployServices services;

        @Parameters(arity = "0..1", paramLabel = "ENV")
        String environment;

        @Option(names = "--limit", paramLabel = "N", description = "How many (1 to 50, default 10).", defaultValue = "10")
        int limit;

        ListDeployments(DeployServices services) {
            this.services = services;
        }

        @Override
        public Reply run(CommandContext ctx) {
            if (limit < 1 || limit > 50) return Reply.text(":warning: `--limit` takes 1 to 50.");
            Binding binding = services.binding(ctx.caller().channelId());
            String env = environment == null ? null : services.environment(environment).name();
            List<Deployment> history = services.deployments().history(binding.repository(), env, limit);
            if (history.isEmpty()) return Reply.text("No deployments of `" + binding.repository() + "`" + (env == null ? "" : " to `" + env + "`") + " yet.");
            StringBuilder text = new StringBuilder("Deployments of `" + binding.repository() + "`" + (env == null ? "" : " to `" + env + "`") + ", newest first:");
            for (Deployment d : history) {
                text.append("\n• #").append(d.id()).append(" `").append(d.gitRef().label()).append("`")
                        .append(d.sha() == null ? "" : " `" + d.shortSha() + "`").append(" → `").append(d.environment()).append("` · ")
                        .append(d.who()).append(" · ").append(d.state().emoji()).append(' ').append(d.state().label())
                        .append(d.origin().rollbackTo() == null ? "" : " · :leftwards_arrow_with_hook: rollback to #" + d.origin().rollbackTo())
                        .append(d.origin().approvedBy() == null ? "" : " · :white_check_mark: approved by " + d.origin().approvedBy())
                        .append(d.origin().emergencyReason() == null ? "" : " · :rotating_light: emergency: " + d.origin().emergencyReason()).append(" · ")
                        .append(Durations.format(d.duration(services.clock().instant()))).append(" · ").append(Since.of(d.createdAt()));
            }
            return Reply.text(text.toString());
        }
    }

    /** "locked by <@U> since …: reason" or "deployment #4 of `main` by <@U> (in progress)". */
    static String describe(DeployServices services, DeployLock hold) {
        if (hold.kind() == DeployLock.LockType.LOCK) {
            return ":lock: `" + hold.environment() + "` locked by <@" + hold.holder() + "> since " + Since.of(hold.since())
                    + (hold.reason() == null ? "" : ": " + hold.reason());
        }
        Optional<Deployment> d = hold.deploymentId() == null ? Optional.empty() : services.deployments().find(hold.deploymentId());
        return d.map(x -> ":construction: `" + hold.environment() + "` deployment #" + x.id() + " of `" + x.gitRef().label() + "` by "
                        + x.who() + " (" + x.state().label() + ", since " + Since.of(x.createdAt()) + ")")
                .orElse(":construction: `" + hold.environment() + "` a deployment is starting");
    }
}
