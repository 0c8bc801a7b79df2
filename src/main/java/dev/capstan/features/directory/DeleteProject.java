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

/** {@code project delete PROJECT_ID [-f]}: leads of the project's team and admins; an assigned project only with -f. */
@Command(name = "delete", description = "Delete a project (the team's leads and admins); -f even when a team has it.")
@CommandInfo(role = Role.MEMBER, slow = true)
final class DeleteProject implements CapstanCommand {
    private final Services services;

    @Parameters(paramLabel = "PROJECT_ID") String id;
    @Option(names = {"-f", "--force"}, description = "Delete it even though a team has it.") boolean force;

    DeleteProject(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Project project = services.project(id);
        services.projectAccess().requireManager(ctx, project, "delete it");
        if (project.assigned() && !force) {
            throw new UserError(":warning: Project " + project.label() + " is assigned to team `" + project.teamName()
                    + "`. Unassign it first, or add `-f` to delete it anyway. Nothing was changed.");
        }
        services.projectAccess().takeBack(project);
        services.projects().delete(project.id());
        return Reply.text(":wastebasket: Deleted project " + project.label() + ".");
    }
}
