package dev.capstan.features.directory;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code user delete U}: an admin removes someone's profile and team memberships; roles those teams gave go too. */
@Command(name = "delete", description = "Delete someone's profile and team memberships (admins).")
@CommandInfo(role = Role.ADMIN)
final class DeleteUser implements CapstanCommand {
    private final Services services;

    @Parameters(paramLabel = "USER", description = "Whose profile.")
    String user;

    DeleteUser(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        String id = UserIds.require(user);
        List<Membership> memberships = services.teams().membershipsOf(id);
        int teams = memberships.size();
        if (!services.profiles().delete(id)) {
            return Reply.text("<@" + id + "> has no profile; there was nothing to delete.");
        }
        services.members().leftAll(id, memberships);
        return Reply.text(":wastebasket: Deleted <@" + id + ">'s profile and " + teams + " team membership"
                + (teams == 1 ? "" : "s") + ". Their GitHub accounts were not touched.");
    }
}
