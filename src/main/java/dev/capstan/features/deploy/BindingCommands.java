package dev.capstan.features.deploy;

import dev.capstan.command.Block;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code setup <owner/repo>} binds the channel to a repository the GitHub App can see; {@code reset} removes the binding. */
final class BindingCommands {
    private BindingCommands() {
    }

    @Command(name = "setup", description = "Bind this channel to a GitHub repository (one repository per channel, one channel per repository).")
    @CommandInfo(role = Role.MEMBER, slow = true)
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
            Optional<Reply> taken = refusal(bound, visible.get());
            return taken.orElseGet(() -> setUp(services, visible.get()));
        }

        /** deploybot's setup message: what now, and the buttons for the collaborators nobody has claimed yet, for the channel to see. */
        private static Reply setUp(DeployServices services, String repository) {
            String done = ":white_check_mark: Setting up `" + repository + "` in this channel. Deploy with `/deploy <ref> to <env>` "
                    + "or `/deploy deploy <env>`; environments: " + services.known() + ". You should run `/deploy set basedomain <domain>` "
                    + "so deployments link to their environments.";
            List<String> unclaimed = ClaimButtons.unclaimed(services, repository);
            if (unclaimed.isEmpty()) return Reply.text(done + " Everyone with access to the repository already told me who they are.").inChannel();
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.Section(done));
            blocks.add(new Block.Section(ClaimButtons.ASK));
            blocks.addAll(ClaimButtons.rows(unclaimed, ClaimButtons.IN_CHANNEL));
            return Reply.blocks(done, blocks).inChannel();
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
    @CommandInfo(role = Role.MEMBER)
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
