package dev.capstan.features.directory;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code karma view [U]}: someone's karma, yours by default. */
@Command(name = "view", description = "Show someone's karma (yours by default).")
@CommandInfo(role = Role.MEMBER)
final class ViewKarma implements CapstanCommand {
    private final Services services;

    @Parameters(paramLabel = "USER", arity = "0..1") String user;

    ViewKarma(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        String id = user == null ? ctx.userId() : UserIds.require(user);
        return Reply.text("<@" + id + "> has " + services.karma().of(id) + " karma.");
    }
}
