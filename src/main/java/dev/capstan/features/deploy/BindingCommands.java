package dev.capstan.features.deploy;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code setup <owner/repo>} binds the channel to a repository the GitHub App can see; {@code reset} removes the binding. */
final class BindingCommands {
    private BindingCommands() {
    }

    @Command(name = "setup", description = "Bind this channel to a GitHub repository (one repository per channel, one channel per repository).")
    @CommandInfo(role = Role.TEAM_LEAD, slow = true)
    static final class Setup implements CapstanCommand {
        private final DeployServices services;

        @Parameters(arity = "0..1", paramLabel = "OWNER/REPO", description = "The repository, e.g. acme/web.")
        String repository;

        Setup(DeployServices services) {
            this.services = services;
        }

        @Override
        public Reply run(CommandContext ctx) {
            if (repository == null) return Reply.text("You need to tell me which repo. Try `/deploy setup owner/repo`.");
            String wanted = repository.trim();
            if (!wanted.matches("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}")) {
                return Reply.text("The repo name should be two parts, `owner/repo` (letters, digits, `.`, `-` and `_`), like `acme/web`.");
            }
            String channel = ctx.caller().channelId();
            Optional<Reply> refused = refusal(services.bindings().check(channel, wanted), wanted);
            if (refused.isPresent()) return refused.get();
            Optional<String> visible = services.repositories().visible(wanted);
            if (visible.isEmpty()) {
                return Reply.text(":x: The GitHub App cannot see `" + wanted + "`: install it on that repository (or give it access) "
                        + "and try again. Nothing was changed.");
            }
            Bindings.Bound bound = services.bindings().bind(channel, visible.get(), ctx.userId());
            return refusal(bound, visible.get()).orElseGet(() -> Reply.text(":white_check_mark: Setting up `" + visible.get()
                    + "` in this channel. Deploy with `/deploy <ref> to <env>`; environments: " + services.known() + ". "
                    + "You should run `/deploy set basedomain <domain>` so deployments link to their environments, and say "
                    + "`/deploy hello` so I can @ you properly.").inChannel());
        }

        private static Optional<Reply> refusal(Bindings.Bound bound, String repository) {
            if (bound instanceof Bindings.Bound.AlreadyHere) {
                return Optional.of(Reply.text("It looks as though `" + repository + "` is already set up in this channel."));
            }
            if (bound instanceof Bindings.Bound.RepositoryElsewhere elsewhere) {
                return Optional.of(Reply.text(":no_entry: `" + repository + "` is already set up in <#" + elsewhere.channelId()
                        + ">. Only one channel per repo."));
            }
            if (bound instanceof Bindings.Bound.ChannelTaken taken) {
                return Optional.of(Reply.text(":no_entry: This channel is already set up for `" + taken.repository()
                        + "`. Only one repo per channel; `/deploy reset` removes it first."));
            }
            return Optional.empty();
        }
    }

    @Command(name = "reset", description = "Remove this channel's repository and its settings.")
    @CommandInfo(role = Role.TEAM_LEAD)
    static final class Reset implements CapstanCommand {
        private final DeployServices services;

        Reset(DeployServices services) {
            this.services = services;
        }

        @Override
        public Reply run(CommandContext ctx) {
            return services.bindings().unbind(ctx.caller().channelId())
                    .map(repo -> Reply.text("Removed this channel's configuration for `" + repo + "`.").inChannel())
                    .orElseGet(() -> Reply.text("No config found for this channel."));
        }
    }
}
