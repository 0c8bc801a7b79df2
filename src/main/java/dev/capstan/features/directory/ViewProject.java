package dev.capstan.features.directory;

import dev.capstan.command.Block;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code project view PROJECT_ID}: a project's details. */
@Command(name = "view", description = "Show a project.")
@CommandInfo(role = Role.MEMBER)
final class ViewProject implements CapstanCommand {
    private final Services services;

    @Parameters(paramLabel = "PROJECT_ID") String id;

    ViewProject(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Project project = services.project(id);
        String title = project.displayName() == null ? project.repository() : project.displayName();
        return Reply.blocks("Project " + project.id() + ": " + title + ", " + project.repository() + ", "
                + (project.assigned() ? "team " + project.teamName() : "no team"), List.of(
                new Block.Header(title),
                new Block.Section("*Project ID:* `" + project.id() + "`", List.of(
                        "*Repository*\n`" + project.repository() + "`",
                        "*Team*\n" + (project.assigned() ? "`" + project.teamName() + "`" : "none"),
                        "*Display name*\n" + (project.displayName() == null ? "—" : project.displayName())))));
    }
}
