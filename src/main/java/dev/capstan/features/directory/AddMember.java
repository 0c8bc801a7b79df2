package dev.capstan.features.directory;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code team add TEAM U}: adds a registered member, on GitHub first. */
@Command(name = "add", description = "Add someone to a team (admins and the team's leads).")
@CommandInfo(role = Role.MEMBER, slow = true)
final class AddMember implements CapstanCommand {
    private final Services services;

    @Parameters(index = "0", paramLabel = "TEAM") String name;
    @Parameters(index = "1", paramLabel = "USER") String user;

    AddMember(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Team team = services.team(name);
        String id = UserIds.require(user);
        services.permissions().requireTeamManager(ctx, team, "add members to it");
        if (services.teams().isMember(team.name(), id)) {
            return Reply.text("<@" + id + "> is already in team `" + team.name() + "`; nothing was changed.");
        }
        Optional<RoleSync.Change> role = services.members().add(team, id, false);
        return Reply.text(":white_check_mark: Added <@" + id + "> to team `" + team.name() + "`"
                + (services.members().onGitHub(team) ? " (on GitHub too)." : ".") + role.map(RoleSync.Change::sentence).orElse(""));
    }
}
