package dev.capstan.features.directory;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code team lead TEAM U [--remove]}: makes someone a lead (and so a member, GitHub maintainer), or stops it. */
@Command(name = "lead", description = "Make someone a lead of a team, or --remove them as lead.")
@CommandInfo(role = Role.MEMBER, slow = true)
final class LeadTeam implements CapstanCommand {
    private final Services services;

    @Parameters(index = "0", paramLabel = "TEAM") String name;
    @Parameters(index = "1", paramLabel = "USER") String user;
    @Option(names = "--remove", description = "Stop them leading; they stay a member.") boolean remove;

    LeadTeam(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Team team = services.team(name);
        String id = UserIds.require(user);
        services.permissions().requireTeamManager(ctx, team, "change its leads");
        if (remove) {
            services.members().removeLead(team, id);
            return Reply.text(":white_check_mark: <@" + id + "> no longer leads team `" + team.name() + "`; they stay a member.");
        }
        if (services.teams().isLead(team.name(), id)) {
            return Reply.text("<@" + id + "> already leads team `" + team.name() + "`; nothing was changed.");
        }
        Optional<RoleSync.Change> role = services.members().add(team, id, true);
        return Reply.text(":white_check_mark: <@" + id + "> now leads team `" + team.name() + "` and is one of its members"
                + (services.members().onGitHub(team) ? " (GitHub team maintainer)." : ".") + role.map(RoleSync.Change::sentence).orElse(""));
    }
}
