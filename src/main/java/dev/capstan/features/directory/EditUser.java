package dev.capstan.features.directory;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code user edit}: changes profile fields (an empty value clears one); {@code --github} invites the login to the
 * organisation first, and nothing is saved unless GitHub agreed. Only admins change a role.
 */
@Command(name = "edit", description = "Edit a profile: yours, or with --username someone's you may edit.")
@CommandInfo(role = Role.MEMBER, slow = true)
final class EditUser implements CapstanCommand {
    private final Services services;

    @Option(names = "--name", paramLabel = "NAME") String name;
    @Option(names = "--email", paramLabel = "EMAIL") String email;
    @Option(names = "--pos", paramLabel = "POSITION") String position;
    @Option(names = "--github", paramLabel = "LOGIN", description = "Links and invites a GitHub account.") String github;
    @Option(names = "--major", paramLabel = "MAJOR") String major;
    @Option(names = "--bio", paramLabel = "BIO") String bio;
    @Option(names = "--username", paramLabel = "USER", description = "Whose profile (default: yours).") String username;
    @Option(names = "--permission", paramLabel = "ROLE", description = "member, team_lead or admin (admins only).") String permission;

    EditUser(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        String target = username == null ? ctx.userId() : UserIds.require(username);
        Optional<Role> role = parseRole();
        if (role.isPresent() && !ctx.isAdmin()) {
            throw new UserError(":no_entry: Only admins can change a role (`--permission`); nothing was changed.");
        }
        if (allNull(name, email, position, github, major, bio) && role.isEmpty()) {
            throw new UserError(":warning: Nothing to change. Give at least one of --name, --email, --pos, --github, "
                    + "--major, --bio or --permission (an empty value such as `--bio \"\"` clears a field).");
        }
        services.permissions().requireProfileEditor(ctx, target);
        validate();
        Profile current = services.profiles().find(target).orElse(null);
        if (current == null) {
            if (!target.equals(ctx.userId())) {
                throw new UserError(":warning: <@" + target + "> is not registered in the directory; nothing was changed.");
            }
            current = Profile.blank(target);
        }
        List<String> changed = new ArrayList<>();
        String login = current.githubLogin();
        Long githubId = current.githubId();
        if (github != null && !github.equalsIgnoreCase(login == null ? "" : login)) {
            if (github.isEmpty()) {
                int left = new GitHubLoginMove(services).unlink(target, login);
                changed.add("GitHub login cleared" + (left == 0 ? "" : " (first taken out of " + teams(left) + " on GitHub)"));
                login = null;
                githubId = null;
            } else {
                requireUnlinked(github, target);
                GitHubLoginMove.Linked linked = new GitHubLoginMove(services).link(target, login, github);
                githubId = linked.githubId();
                login = github;
                changed.add("GitHub login `" + github + "` (in the organisation: invited unless already a member, whose role is kept"
                        + (linked.teams() == 0 ? ")" : "; it replaced the old login in " + teams(linked.teams()) + ")"));
            }
        }
        Profile updated = new Profile(target, pick(name, current.name(), "name", changed), pick(email, current.email(), "email", changed),
                pick(position, current.position(), "position", changed), login, githubId,
                pick(major, current.major(), "major", changed), pick(bio, current.bio(), "bio", changed));
        services.people().ensure(target);
        services.profiles().save(updated);
        if (!Objects.equals(updated.email(), current.email())) services.teams().emailChanged(target);
        role.ifPresent(r -> {
            services.people().setRole(target, r);
            changed.add("role *" + r.label() + "*");
        });
        String whose = target.equals(ctx.userId()) ? "your profile" : "<@" + target + ">'s profile";
        return Reply.text(changed.isEmpty() ? "Nothing changed in " + whose + ": the values were already so."
                : ":white_check_mark: Updated " + whose + ": " + String.join(", ", changed) + ".");
    }

    /** One GitHub login belongs to one profile: refused before GitHub is asked anything. */
    private void requireUnlinked(String login, String target) {
        services.profiles().byGithub(login).filter(p -> !p.userId().equals(target)).ifPresent(owner -> {
            throw new UserError(":warning: GitHub login `" + login + "` is already linked to <@" + owner.userId()
                    + ">'s profile; nothing was changed. They (or an admin) can clear it with `/capstan user edit --github \"\"`.");
        });
    }

    private static String teams(int count) {
        return count + " GitHub team" + (count == 1 ? "" : "s");
    }

    private Optional<Role> parseRole() {
        if (permission == null) return Optional.empty();
        return Optional.of(Role.parse(permission).orElseThrow(() -> new UserError(":warning: `--permission` must be "
                + "member, team_lead or admin, not `" + InputChecks.visible(permission) + "`; nothing was changed.")));
    }

    private void validate() {
        InputChecks.email(email);
        InputChecks.githubLogin(github);
        InputChecks.line("--name", name, InputChecks.NAME);
        InputChecks.line("--pos", position, InputChecks.NAME);
        InputChecks.line("--major", major, InputChecks.NAME);
        InputChecks.text("--bio", bio, InputChecks.BIO);
    }

    /** The new value (empty clears it), or the old one when the option was not given. */
    private static String pick(String given, String old, String field, List<String> changed) {
        if (given == null) return old;
        String value = given.isEmpty() ? null : given;
        if (value == null ? old != null : !value.equals(old)) changed.add(value == null ? field + " cleared" : field);
        return value;
    }

    private static boolean allNull(String... values) {
        for (String value : values) if (value != null) return false;
        return true;
    }
}
