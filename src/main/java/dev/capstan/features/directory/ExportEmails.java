package dev.capstan.features.directory;

import dev.capstan.command.Block;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export emails [--team T]}: every address as one copyable block (split across messages, never cut), plus who has none. */
@Command(name = "emails", description = "Export the email addresses of everyone, or of one --team.")
@CommandInfo(role = Role.TEAM_LEAD)
final class ExportEmails implements CapstanCommand {
    private final Services services;

    @Option(names = "--team", paramLabel = "TEAM") String teamName;

    ExportEmails(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        List<Profile> people = new ArrayList<>();
        String scope;
        if (teamName == null) {
            people.addAll(services.profiles().all());
            scope = "the directory";
        } else {
            Team team = services.team(teamName);
            for (Membership member : services.teams().members(team.name())) {
                Optional<Profile> profile = services.profiles().find(member.userId());
                people.add(profile.orElse(Profile.blank(member.userId())));
            }
            scope = "team `" + team.name() + "`";
        }
        List<String> emails = people.stream().filter(p -> p.email() != null).map(Profile::email).toList();
        List<String> without = people.stream().filter(p -> p.email() == null).map(p -> "<@" + p.userId() + ">").toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(emails.size() + " email address" + (emails.size() == 1 ? "" : "es") + " in " + scope + "."));
        if (!emails.isEmpty()) blocks.add(new Block.Preformatted(String.join("\n", emails)));
        if (!without.isEmpty()) blocks.add(new Block.Section("*No email (" + without.size() + "):* " + String.join(", ", without)));
        return Reply.blocks(emails.size() + " email addresses in " + scope, blocks);
    }
}
