package dev.capstan.features.directory;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code karma reset --all}: an admin sets everyone's karma back to 0; {@code --all} is required so it is never an accident. */
@Command(name = "reset", description = "Reset everyone's karma to 0 (admins; needs --all).")
@CommandInfo(role = Role.ADMIN)
final class ResetKarma implements CapstanCommand {
    private final Services services;

    @Option(names = "--all", description = "Yes, everyone's.") boolean all;

    ResetKarma(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        if (!all) throw new UserError(":warning: `karma reset` resets everyone's karma; add `--all` to do that. Nothing was changed.");
        int people = services.karma().resetAll();
        return Reply.text(":recycle: Karma reset to 0 for everyone (" + people + " " + (people == 1 ? "person" : "people") + " had points).");
    }
}
