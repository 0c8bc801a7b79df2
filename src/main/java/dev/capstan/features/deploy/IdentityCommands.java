package dev.capstan.features.deploy;

import dev.capstan.command.Block;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Destination;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.SlackIds;
import dev.capstan.store.GitHubIdentities;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hello} links the caller to one of the repository's collaborators (the person's one GitHub identity, shared
 * with the directory): buttons for the logins nobody has claimed, or a login named directly; an admin can link someone
 * else and move a login from its owner. {@code goodbye}/{@code bye} forgets the caller's link.
 */
final class IdentityCommands {
    /** The action of hello's buttons. */
    static final String HELLO_ACTION = ClaimButtons.REPLACING;
    static final String THANKS = "Thanks, now I can @ you properly. If there were any other buttons available you should "
            + "encourage the other channel members to say `hello` to me as well.";
    static final String TAKEN = "Hm. I have that GitHub username registered to someone else. No action taken, but you can say "
            + "`goodbye` if you like. An admin can move it with `/deploy hello <login> --user @you`.";

    private IdentityCommands() {
    }

    @Command(name = "hello", description = "Tell me who you are on GitHub (an admin can link someone else with --user).")
    @CommandInfo(role = Role.MEMBER, slow = true)
    static final class Hello implements CapstanCommand {
        private final DeployServices services;

        @Parameters(arity = "0..1", paramLabel = "LOGIN", description = "Your GitHub login, if you'd rather type it than pick it.")
        String login;

        @Option(names = "--user", paramLabel = "@PERSON", description = "Admins: link this person instead, moving the login from whoever has it.")
        String user;

        Hello(DeployServices services) {
            this.services = services;
        }

        @Override
        public Reply run(CommandContext ctx) {
            Binding binding = services.binding(ctx.caller().channelId());
            if (user != null && !ctx.isAdmin()) return Reply.text(":no_entry: Only an admin can link someone else (`--user`).");
            if (user != null && login == null) return Reply.text("Name the login to link, e.g. `/deploy hello octocat --user @someone`.");
            List<String> collaborators = services.repositories().collaborators(binding.repository());
            if (login != null) {
                Optional<String> found = collaborators.stream().filter(c -> c.equalsIgnoreCase(login.trim())).findFirst();
                if (found.isEmpty()) return Reply.text(":warning: `" + login.replace("`", "'") + "` is not a collaborator of `"
                        + binding.repository() + "`; nothing was changed.");
                if (user == null) return link(services, ctx.userId(), found.get());
                String target = user.startsWith("@") ? user.substring(1) : user;
                if (!SlackIds.isUser(target)) return Reply.text(":warning: `--user` takes a person. " + SlackIds.pickFromTheList("@" + target));
                GitHubIdentities.Linked linked = services.identities().link(target, found.get(), null, true);
                GitHubIdentities.Linked.Done done = (GitHubIdentities.Linked.Done) linked;
                if (done.movedFrom() != null && !done.movedFrom().equals(target)) {
                    services.outbox().send(new Destination.DirectMessage(done.movedFrom()), Reply.text("<@" + ctx.userId()
                            + "> moved the GitHub login `" + found.get() + "` from you to <@" + target + ">."));
                }
                return Reply.text(":link: <@" + target + "> is now `" + found.get() + "` on GitHub"
                        + (done.movedFrom() == null || done.movedFrom().equals(target) ? "." : " (moved from <@" + done.movedFrom() + ">, who was told)."));
            }
            Optional<GitHubIdentities.Identity> known = services.identities().find(ctx.userId());
            if (known.isPresent()) {
                return Reply.text("Hi! I already know you as `" + known.get().login() + "` on GitHub. Say `/deploy goodbye` to forget that.");
            }
            List<String> unclaimed = ClaimButtons.unclaimed(services.identities(), collaborators);
            if (unclaimed.isEmpty()) {
                return Reply.text("Hi! Either we already know each other or you don't have access to the repo. If you think you "
                        + "should have access, check with the repository's admins.");
            }
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.Section("Hi! " + ClaimButtons.ASK));
            blocks.addAll(ClaimButtons.rows(unclaimed, ClaimButtons.REPLACING));
            return Reply.blocks("Hi! Who are you when you're not here?", blocks);
        }
    }

    /** The click on a login button, and `hello <login>`: the seed's three outcomes. */
    static Reply link(DeployServices services, String userId, String login) {
        Optional<GitHubIdentities.Identity> mine = services.identities().find(userId);
        if (mine.isPresent()) {
            if (mine.get().login().equalsIgnoreCase(login)) return Reply.text(THANKS);
            return Reply.text("I have you registered against another GitHub username (`" + mine.get().login()
                    + "`). No action taken, but you can say `goodbye` first.");
        }
        GitHubIdentities.Linked linked = services.identities().link(userId, login, null, false);
        return linked instanceof GitHubIdentities.Linked.Done ? Reply.text(THANKS) : Reply.text(TAKEN);
    }

    @Command(name = "goodbye", description = "Forget your GitHub username.")
    @CommandInfo(role = Role.MEMBER)
    static class Goodbye implements CapstanCommand {
        private final DeployServices services;

        Goodbye(DeployServices services) {
            this.services = services;
        }

        @Override
        public Reply run(CommandContext ctx) {
            return services.identities().unlink(ctx.userId()) ? Reply.text("Who did you say you were again? (Command successful)")
                    : Reply.text("Nothing to forget; I couldn't find you in the DB.");
        }
    }

    @Command(name = "bye", description = "Forget your GitHub username (same as `goodbye`).")
    @CommandInfo(role = Role.MEMBER)
    static final class Bye extends Goodbye {
        Bye(DeployServices services) {
            super(services);
        }
    }
}
