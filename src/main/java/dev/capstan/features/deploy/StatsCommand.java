package dev.capstan.features.deploy;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stats [env] [--days 30]}: the four delivery metrics (DORA) of the channel's repository, per environment, with their trend. */
@Command(name = "stats", description = "Delivery metrics (DORA) per environment: frequency, lead time, failure rate, time to restore.")
@CommandInfo(role = Role.MEMBER)
final class StatsCommand implements CapstanCommand {
    private final DeployServices services;
    private final DeliveryStats stats;

    @Parameters(arity = "0..1", paramLabel = "ENV", description = "One environment; all of them when left out.")
    String environment;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30", description = "How many days back (1 to 365; default 30).")
    int days;

    StatsCommand(DeployServices services, DeliveryStats stats) {
        this.services = services;
        this.stats = stats;
    }

    @Override
    public Reply run(CommandContext ctx) {
        if (days < 1 || days > DeliveryStats.MAX_DAYS) throw new UserError("`--days` is a number of days from 1 to " + DeliveryStats.MAX_DAYS + ".");
        Binding binding = services.binding(ctx.caller().channelId());
        List<String> names = environment == null ? services.environments().names() : List.of(services.environment(environment).name());
        return stats.reply(binding.repository(), stats.figures(binding.key(), names, environment == null, days), days);
    }
}
