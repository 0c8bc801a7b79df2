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

/** {@code project edit PROJECT_ID --name DISPLAY_NAME}: leads of the project's team and admins (an empty name clears it). */
@Command(name = "edit", description = "Change a project's display name (the team's leads and admins).")
@CommandInfo(role = Role.MEMBER)
final class EditProject implements CapstanCommand {
    private final Services services;

    @Parameters(paramLabel = "PROJECT_ID") String id;
    @Option(names = "--name", paramLabel = "DISPLAY_NAME") String displayName;

    EditProject(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Project project = services.project(id);
        if (displayName == null) throw new UserError(":warning: Nothing to change. Give `--name DISPLAY_NAME` (`--name \"\"` clears it).");
        services.projectAccess().requireManager(ctx, project, "edit it");
        InputChecks.line("--name", displayName, InputChecks.NAME);
        String name = displayName.isBlank() ? null : displayName;
        services.projects().rename(project.id(), name);
        return Reply.text(":white_check_mark: Project `" + project.id() + "` is now " + (name == null ? "without a display name." : "*" + name + "*."));
    }
}
