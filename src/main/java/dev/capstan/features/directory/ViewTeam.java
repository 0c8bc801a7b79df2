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

/** {@code team view TEAM}: a team's details, leads and members as mentions. */
@Command(name = "view", description = "Show a team, its leads and members.")
@CommandInfo(role = Role.MEMBER)
final class ViewTeam implements CapstanCommand {
    private final Services services;

    @Parameters(paramLabel = "TEAM")
    String name;

    ViewTeam(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Team team = services.team(name);
        List<Membership> members = services.teams().members(team.name());
        String leads = mentions(members.stream().filter(Membership::lead).toList());
        String everyone = mentions(members);
        List<String> fields = List.of("*Display name*\n" + dash(team.displayName()), "*Platform*\n" + dash(team.platform()),
                "*Drive folder*\n" + dash(team.folder()), "*On GitHub*\n" + (team.githubId() == null ? "no" : "yes"));
        return Reply.blocks("Team " + team.name() + ": leads " + leads + "; members " + everyone, List.of(
                new Block.Header(team.name()),
                new Block.Section("*Leads:* " + leads, fields),
                new Block.Section("*Members (" + members.size() + "):* " + everyone)));
    }

    private static String mentions(List<Membership> members) {
        return members.isEmpty() ? "nobody yet" : String.join(", ", members.stream().map(m -> "<@" + m.userId() + ">").toList());
    }

    private static String dash(String value) {
        return value == null ? "—" : value;
    }
}
