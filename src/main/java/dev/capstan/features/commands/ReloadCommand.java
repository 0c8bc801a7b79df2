package dev.capstan.features.commands;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code commands reload}: loads the file's commands again now, or says every reason the file was refused. */
@Command(name = "reload", description = "Load the declared commands from the configuration file again (admins).")
@CommandInfo(role = Role.ADMIN, slow = true)
final class ReloadCommand implements CapstanCommand {
    private final Optional<Reloader> reloader;

    ReloadCommand(Optional<Reloader> reloader) {
        this.reloader = reloader;
    }

    @Override
    public Reply run(CommandContext context) {
        return reloader.map(r -> Reply.text(r.reload().summary()))
                .orElseGet(() -> Reply.text("No configuration file is set (CAPSTAN_CONFIG), so there are no declared commands to reload."));
    }
}
