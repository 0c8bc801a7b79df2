package dev.capstan.features.directory;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Destination;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code karma give U}, also typed as {@code @someone ++}: one point to someone else, who hears about it by DM. */
@Command(name = "give", description = "Give someone a karma point (or type `@someone ++`).")
@CommandInfo(role = Role.MEMBER)
final class GiveKarma implements CapstanCommand {
    private final Services services;

    @Parameters(paramLabel = "USER") String user;

    GiveKarma(Services services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        String id = UserIds.require(user);
        if (id.equals(ctx.userId())) throw new UserError(":no_good: You can't give karma to yourself.");
        long total = services.karma().give(id);
        ctx.outbox().send(new Destination.DirectMessage(id),
                Reply.text(":sparkles: <@" + ctx.userId() + "> gave you karma. You now have " + total + "."));
        return Reply.text(":sparkles: <@" + ctx.userId() + "> gave karma to <@" + id + "> (now " + total + ").").inChannel();
    }
}
