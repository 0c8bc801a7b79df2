package dev.capstan.features.directory;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code team remove TEAM U}: takes someone out of a team, on GitHub first. */
@Command(name = "remove", description = "Remove someone from a team (admins and the team's leads).")
@CommandInfo(role = Role.MEMBER, slow = true)
final class RemoveMember implements CapstanCommand {
    private final Services services;

    @Parameters(index = "0", paramLabel = "TEAM") String name;
    @Parameters(index = "1", paramLabel = "USER") String user;

    RemoveMember(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Team team = services.team(name);
        String id = UserIds.require(user);
        services.permissions().requireTeamManager(ctx, team, "remove members from it");
        Optional<RoleSync.Change> role = services.members().remove(team, id);
        return Reply.text(":white_check_mark: Removed <@" + id + "> from team `" + team.name() + "`"
                + (services.members().onGitHub(team) ? " (on GitHub too)." : ".") + role.map(RoleSync.Change::sentence).orElse(""));
    }
}
