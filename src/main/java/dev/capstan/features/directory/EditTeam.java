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

/** {@code team edit TEAM}: changes a team's details; a new name or display name goes to the GitHub team first. */
@Command(name = "edit", description = "Edit a team's display name, platform, folder, or rename it with --github.")
@CommandInfo(role = Role.MEMBER, slow = true)
final class EditTeam implements CapstanCommand {
    private final Services services;

    @Parameters(paramLabel = "TEAM") String name;
    @Option(names = {"--name", "--displayname"}, paramLabel = "DISPLAY_NAME", description = "The team's display name.") String displayName;
    @Option(names = "--platform", paramLabel = "PLATFORM") String platform;
    @Option(names = "--folder", paramLabel = "DRIVE_ID") String folder;
    @Option(names = "--github", paramLabel = "NEWNAME", description = "Rename the team (on GitHub too).") String newName;

    EditTeam(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Team team = services.team(name);
        services.permissions().requireTeamManager(ctx, team, "edit it");
        if (displayName == null && platform == null && folder == null && newName == null) {
            throw new UserError(":warning: Nothing to change. Give --name (or --displayname), --platform, --folder or --github "
                    + "(an empty value clears a field).");
        }
        InputChecks.teamDetails(displayName, platform, folder);
        String renamed = team.name();
        boolean renaming = newName != null && !newName.equals(team.name());
        if (renaming && !Team.keyOf(newName).equals(team.key())) TeamNames.require(newName, services.teams());
        boolean describing = displayName != null && services.members().onGitHub(team);
        if (team.githubId() != null && (renaming || describing)) {
            services.github().require(renaming ? "--github" : "--name")
                    .editTeam(team.slug(), renaming ? newName : null, describing ? displayName : null);
        }
        if (renaming) renamed = newName;
        Team updated = new Team(renamed, pick(displayName, team.displayName()), pick(platform, team.platform()),
                pick(folder, team.folder()), team.githubId());
        services.teams().update(team.name(), updated);
        return Reply.text(":white_check_mark: Updated team `" + updated.name() + "`"
                + (renamed.equals(team.name()) ? "." : " (renamed from `" + team.name() + "`)."));
    }

    private static String pick(String given, String old) {
        if (given == null) return old;
        return given.isBlank() ? null : given;
    }
}
