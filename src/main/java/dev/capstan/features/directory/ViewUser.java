package dev.capstan.features.directory;

import dev.capstan.command.Block;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code user view}: profile cards, found by Slack user, GitHub login or email; yourself by default. */
@Command(name = "view", description = "Show a profile: yours, or someone's by --username, --github or --email.")
@CommandInfo(role = Role.MEMBER)
final class ViewUser implements CapstanCommand {
    private final Services services;

    @Option(names = "--username", paramLabel = "USER", description = "A Slack user (mention them).")
    String username;

    @Option(names = "--github", paramLabel = "LOGIN", description = "A GitHub login.")
    String github;

    @Option(names = "--email", paramLabel = "EMAIL", description = "An email address.")
    String email;

    @Option(names = "--inspect", description = "Also show the teams they are in and lead.")
    boolean inspect;

    ViewUser(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        long criteria = Stream.of(username, github, email).filter(v -> v != null).count();
        if (criteria > 1) throw new UserError(":warning: Give one of `--username`, `--github` or `--email`, not several.");
        List<Profile> found;
        String what;
        if (github != null) {
            InputChecks.githubLogin(github);
            found = services.profiles().byGithub(github).stream().toList();
            what = "GitHub login `" + github + "`";
        } else if (email != null) {
            InputChecks.email(email);
            found = services.profiles().byEmail(email);
            what = "email `" + email + "`";
        } else {
            String id = username == null ? ctx.userId() : UserIds.require(username);
            found = services.profiles().find(id).stream().toList();
            what = "<@" + id + ">";
            if (found.isEmpty() && id.equals(ctx.userId())) {
                return Reply.text("You are not registered yet. Run `/capstan user add` to create your profile.");
            }
        }
        if (found.isEmpty()) return Reply.text("No profile found for " + what + ".");
        List<Block> blocks = new ArrayList<>();
        if (found.size() > 1) {
            blocks.add(new Block.Section(":warning: " + found.size() + " profiles match " + what + "; showing all of them."));
        }
        for (Profile profile : found) {
            if (!blocks.isEmpty()) blocks.add(new Block.Divider());
            blocks.addAll(ProfileCard.render(profile, services.people().roleOf(profile.userId()),
                    services.karma().of(profile.userId()), services.teams().membershipsOf(profile.userId()), inspect));
        }
        String fallback = found.size() == 1 ? "Profile of " + found.get(0).label() : found.size() + " profiles match " + what;
        return Reply.blocks(fallback, blocks);
    }
}
