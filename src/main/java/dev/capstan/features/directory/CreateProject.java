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

/**
 * {@code project create GH_REPO GITHUB_TEAM_NAME [--name DISPLAY_NAME]}: a project for a repository GitHub shows the App,
 * assigned to the team; leads of that team and admins.
 */
@Command(name = "create", description = "Create a project from a GitHub repository, assigned to a team (its leads and admins).")
@CommandInfo(role = Role.MEMBER, slow = true)
final class CreateProject implements CapstanCommand {
    private final Services services;

    @Parameters(index = "0", paramLabel = "GH_REPO", description = "The repository: its URL, OWNER/NAME, or a name in the organisation.")
    String repository;
    @Parameters(index = "1", paramLabel = "GITHUB_TEAM_NAME") String teamName;
    @Option(names = "--name", paramLabel = "DISPLAY_NAME") String displayName;

    CreateProject(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Team team = services.team(teamName);
        services.permissions().requireTeamManager(ctx, team, "create a project for it");
        InputChecks.line("--name", displayName, InputChecks.NAME);
        OrgGitHub org = services.github().require("project create");
        String wanted = RepositoryNames.parse(repository, org.organization());
        String fullName = org.repository(wanted).orElseThrow(() -> new UserError(":warning: GitHub shows the App no repository `"
                + wanted + "`: check the name, and that the App is installed on that repository. Nothing was changed."));
        boolean granted = services.projectAccess().give(team, fullName);
        Project project = services.projects().create(fullName, displayName == null || displayName.isBlank() ? null : displayName,
                team.name(), granted);
        return Reply.text(":white_check_mark: Created project " + project.label() + " for `" + fullName + "`, assigned to team `"
                + team.name() + "`." + services.projectAccess().gave(granted, team, fullName));
    }
}
