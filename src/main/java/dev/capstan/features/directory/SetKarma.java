package dev.capstan.features.directory;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code karma set U N}: an admin sets someone's karma, 0 included. */
@Command(name = "set", description = "Set someone's karma (admins).")
@CommandInfo(role = Role.ADMIN)
final class SetKarma implements CapstanCommand {
    private final Services services;

    @Parameters(index = "0", paramLabel = "USER") String user;
    @Parameters(index = "1", paramLabel = "POINTS") long points;

    SetKarma(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        String id = UserIds.require(user);
        services.karma().set(id, points);
        return Reply.text(":white_check_mark: <@" + id + "> now has " + points + " karma.");
    }
}
