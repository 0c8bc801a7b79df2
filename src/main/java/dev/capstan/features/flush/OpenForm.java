package dev.capstan.features.flush;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code /flush [targets…]}: opens the cache flush form with the targets filled in; who may flush which site is decided there. */
@Command(name = Flush.FAMILY, description = "Open the cache flush form, with these URLs (or tags, hosts, prefixes) filled in.")
@CommandInfo(role = Role.MEMBER)
final class OpenForm implements CapstanCommand {
    private final FormOpener opener;

    @Parameters(paramLabel = "TARGET", arity = "0..*", description = "What to purge, e.g. https://www.example.com/page.")
    List<String> targets = List.of();

    OpenForm(FormOpener opener) {
        this.opener = opener;
    }

    @Override
    public Reply run(CommandContext ctx) {
        String trigger = ctx.invocation() == null ? null : ctx.invocation().triggerId();
        return opener.open(ctx.userId(), ctx.caller().channelId(), trigger, targets == null ? List.of() : targets);
    }
}
