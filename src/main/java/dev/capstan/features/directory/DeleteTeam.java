package dev.capstan.features.directory;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.ConfirmationType;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code team delete TEAM}: asks for confirmation; the confirmed deletion removes the GitHub team first, then ours. */
@Command(name = "delete", description = "Delete a team (admins and the team's leads), after confirmation.")
@CommandInfo(role = Role.MEMBER)
final class DeleteTeam implements CapstanCommand {
    static final ConfirmationType<Deletion> CONFIRMED = new ConfirmationType<>("directory.team.delete", Deletion.class);
    private final Services services;

    @Parameters(paramLabel = "TEAM") String name;

    /** What the confirmation button carries. */
    record Deletion(String team) { }

    DeleteTeam(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Team team = services.team(name);
        services.permissions().requireTeamManager(ctx, team, "delete it");
        int size = services.teams().members(team.name()).size();
        String memberships = size + " membership" + (size == 1 ? "" : "s");
        return ctx.confirm("Delete team `" + team.name() + "`" + (services.members().onGitHub(team)
                ? ", its " + memberships + " and the GitHub team?" : " and its " + memberships + "?"), CONFIRMED, new Deletion(team.name()));
    }

    /** Runs once the caller confirmed: checks again, since things may have changed meanwhile. */
    static Reply confirmed(Services services, RoleSync roles, CommandContext ctx, Deletion deletion) {
        Team team = services.team(deletion.team());
        services.permissions().requireTeamManager(ctx, team, "delete it");
        if (services.members().onGitHub(team)) services.github().require("team delete").deleteTeam(team.slug());
        List<Membership> members = services.teams().members(team.name());
        services.teams().delete(team.name());
        String roleChanges = members.stream().flatMap(m -> roles.left(team.name(), m.userId()).stream())
                .map(RoleSync.Change::sentence).collect(Collectors.joining());
        return Reply.text(":wastebasket: Deleted team `" + team.name() + "`"
                + (team.githubId() != null ? " here and on GitHub." : ".") + roleChanges);
    }
}
