package dev.capstan.features.directory;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code project assign PROJECT_ID GITHUB_TEAM_NAME [-f]}: leads of that team and admins; another team's project only with -f. */
@Command(name = "assign", description = "Assign a project to a team (its leads and admins); -f takes it from another team.")
@CommandInfo(role = Role.MEMBER, slow = true)
final class AssignProject implements CapstanCommand {
    private final Services services;

    @Parameters(index = "0", paramLabel = "PROJECT_ID") String id;
    @Parameters(index = "1", paramLabel = "GITHUB_TEAM_NAME") String teamName;
    @Option(names = {"-f", "--force"}, description = "Assign it even though another team has it.") boolean force;

    AssignProject(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Project project = services.project(id);
        Team team = services.team(teamName);
        services.permissions().requireTeamManager(ctx, team, "assign projects to it");
        if (project.assigned() && Team.keyOf(project.teamName()).equals(team.key())) {
            throw new UserError(":warning: Project " + project.label() + " is already assigned to team `" + team.name() + "`; nothing was changed.");
        }
        if (project.assigned() && !force) {
            throw new UserError(":warning: Project " + project.label() + " is assigned to team `" + project.teamName()
                    + "`. Add `-f` to assign it to `" + team.name() + "` instead. Nothing was changed.");
        }
        services.projectAccess().takeBack(project);
        boolean granted = services.projectAccess().give(team, project.repository());
        services.projects().assign(project.id(), team.name(), granted);
        return Reply.text(":white_check_mark: Assigned project " + project.label() + " to team `" + team.name() + "`"
                + (project.assigned() ? " (it was `" + project.teamName() + "`'s)." : ".")
                + services.projectAccess().gave(granted, team, project.repository()));
    }
}
