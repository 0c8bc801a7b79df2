package dev.capstan.features.deploy;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Destination;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lock <env> [reason…]} holds an environment until {@code unlock}; others' deployments and every automatic one
 * are refused meanwhile. {@code unlock <env> --force} lets an admin take someone else's lock away (they are told) or
 * free an environment a stuck deployment holds. {@code locks} lists who holds what.
 */
final class LockCommands {
    private LockCommands() {
    }

    @Command(name = "lock", description = "DeployLock an environment until you unlock it; others' and automatic deployments are refused.")
    @CommandInfo(role = Role.MEMBER)
    static final class Lock implements CapstanCommand {
        private final DeployServices services;

        @Parameters(index = "0", paramLabel = "ENV")
        String environment;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "REASON")
        List<String> reason;

        Lock(DeployServices services) {
            this.services = services;
        }

        @Override
        public Reply run(CommandContext ctx) {
            Binding binding = services.binding(ctx.caller().channelId());
            String env = services.environment(environment).name();
            String why = reason == null || reason.isEmpty() ? null : String.join(" ", reason);
            if (why != null && why.length() > 300) return Reply.text(":warning: A reason has at most 300 characters.");
            if (services.locks().lock(binding.key(), env, ctx.userId(), why)) {
                return Reply.text(":lock: <@" + ctx.userId() + "> locked `" + env + "`" + (why == null ? "" : ": " + why)
                        + ". Deployments by others and automatic ones are refused until `/deploy unlock " + env + "`.").inChannel();
            }
            DeployLock held = services.locks().find(binding.key(), env, DeployLock.LockType.LOCK).orElse(null);
            if (held == null) return Reply.text("`" + env + "` was unlocked just now; try again.");
            if (ctx.userId().equals(held.holder())) return Reply.text("You already hold the lock on `" + env + "` (since " + Since.of(held.since()) + ").");
            return Reply.text(":lock: `" + env + "` is already locked by <@" + held.holder() + "> since " + Since.of(held.since())
                    + (held.reason() == null ? "." : ": " + held.reason()));
        }
    }

    @Command(name = "unlock", description = "Release your lock; admins can --force someone else's, or free a stuck deployment's.")
    @CommandInfo(role = Role.MEMBER)
    static final class Unlock implements CapstanCommand {
        private final DeployServices services;

        @Parameters(index = "0", paramLabel = "ENV")
        String environment;

        @Option(names = "--force", description = "Admins: remove someone else's lock (they are told), or the hold of a stuck deployment.")
        boolean force;

        Unlock(DeployServices services) {
            this.services = services;
        }

        @Override
        public Reply run(CommandContext ctx) {
            Binding binding = services.binding(ctx.caller().channelId());
            String env = services.environment(environment).name();
            if (force && !ctx.isAdmin()) return Reply.text(":no_entry: `unlock --force` needs the admin role; ask an admin or the lock's holder.");
            Optional<DeployLock> lock = services.locks().find(binding.key(), env, DeployLock.LockType.LOCK);
            if (lock.isPresent()) {
                DeployLock held = lock.get();
                boolean mine = ctx.userId().equals(held.holder());
                if (!mine && !force) {
                    return Reply.text(":lock: `" + env + "` is locked by <@" + held.holder() + "> since " + Since.of(held.since())
                            + (held.reason() == null ? "" : " (" + held.reason() + ")") + ". Only they can unlock it; an admin can `/deploy unlock "
                            + env + " --force`.");
                }
                services.locks().unlock(binding.key(), env);
                if (!mine) {
                    services.outbox().send(new Destination.DirectMessage(held.holder()), Reply.text(":unlock: <@" + ctx.userId()
                            + "> removed your lock on `" + env + "` of `" + binding.repository() + "`."));
                }
                return Reply.text(":unlock: <@" + ctx.userId() + "> unlocked `" + env + "`" + (mine ? "." : " (it was <@" + held.holder() + ">'s; they were told).")).inChannel();
            }
            if (force && services.locks().releaseAnyRun(binding.key(), env)) {
                services.jobs().queueNext().enqueue(new DeployJobs.EnvironmentRef(binding.repository(), env, true));
                return Reply.text(":unlock: <@" + ctx.userId() + "> freed `" + env + "` from its running deployment; it may still be running "
                        + "at GitHub or in CI, but new deployments may start.").inChannel();
            }
            return Reply.text("`" + env + "` is not locked.");
        }
    }

    @Command(name = "locks", description = "List the locked environments and the running deployments.")
    @CommandInfo(role = Role.MEMBER)
    static final class Locks implements CapstanCommand {
        private final DeployServices services;

        Locks(DeployServices services) {
            this.services = services;
        }

        @Override
        public Reply run(CommandContext ctx) {
            Binding binding = services.binding(ctx.caller().channelId());
            List<DeployLock> locks = services.locks().all(binding.key());
            if (locks.isEmpty()) return Reply.text("Nothing is locked and nothing is deploying in `" + binding.repository() + "`.");
            StringBuilder text = new StringBuilder("Locks and running deployments of `" + binding.repository() + "`:");
            for (DeployLock hold : locks) text.append("\n• ").append(HistoryCommands.describe(services, hold));
            return Reply.text(text.toString());
        }
    }
}
