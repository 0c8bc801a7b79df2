package dev.capstan.features.directory;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code project unassign PROJECT_ID}: leads of the project's team and admins. */
@Command(name = "unassign", description = "Take a project from its team (the team's leads and admins).")
@CommandInfo(role = Role.MEMBER, slow = true)
final class UnassignProject implements CapstanCommand {
    private final Services services;

    @Parameters(paramLabel = "PROJECT_ID") String id;

    UnassignProject(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Project project = services.project(id);
        if (!project.assigned()) throw new UserError(":warning: Project " + project.label() + " is assigned to no team; nothing was changed.");
        services.projectAccess().requireManager(ctx, project, "unassign it");
        services.projectAccess().takeBack(project);
        services.projects().assign(project.id(), null, false);
        return Reply.text(":white_check_mark: Project " + project.label() + " is no longer assigned to team `" + project.teamName() + "`"
                + (project.accessGranted() ? ", which no longer has the access to `" + project.repository() + "` that Capstan gave it." : "."));
    }
}
