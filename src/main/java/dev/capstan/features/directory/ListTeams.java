package dev.capstan.features.directory;

import dev.capstan.command.Block;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code team list}: every team with its display name and size. */
@Command(name = "list", description = "List every team.")
@CommandInfo(role = Role.MEMBER)
final class ListTeams implements CapstanCommand {
    private final Services services;

    ListTeams(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        List<Team> teams = services.teams().all();
        if (teams.isEmpty()) return Reply.text("There are no teams yet. A team lead can create one with `/capstan team create NAME`.");
        List<String> lines = new ArrayList<>();
        for (Team team : teams) {
            int size = services.teams().members(team.name()).size();
            lines.add("• `" + team.name() + "`" + (team.displayName() == null ? "" : " " + team.displayName())
                    + " (" + size + " member" + (size == 1 ? "" : "s") + ")");
        }
        return Reply.blocks(teams.size() + " teams", List.of(new Block.Header("Teams"), new Block.Section(String.join("\n", lines))));
    }
}
