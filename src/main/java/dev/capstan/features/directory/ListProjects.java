package dev.capstan.features.directory;

import dev.capstan.command.Block;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code project list}: every project with its id, name, repository and team. */
@Command(name = "list", description = "List every project with its id.")
@CommandInfo(role = Role.MEMBER)
final class ListProjects implements CapstanCommand {
    private final Services services;

    ListProjects(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        List<Project> projects = services.projects().all();
        if (projects.isEmpty()) {
            return Reply.text("There are no projects yet. A team's lead can create one with `/capstan project create GH_REPO TEAM`.");
        }
        List<String> lines = projects.stream().map(p -> "• `" + p.id() + "` " + (p.displayName() == null ? "" : "*" + p.displayName() + "* ")
                + "`" + p.repository() + "` " + (p.assigned() ? "(team `" + p.teamName() + "`)" : "(no team)")).toList();
        return Reply.blocks(projects.size() + " projects", List.of(new Block.Header("Projects"), new Block.Section(String.join("\n", lines))));
    }
}
