package dev.capstan.features.timereport;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.time.YearMonth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code unlock YYYY-MM [--user U]}: lets a locked month be changed again; admins only. */
@Command(name = "unlock", description = "Unlock someone's month so it can be changed again.")
@CommandInfo(role = Role.ADMIN)
final class UnlockMonth implements CapstanCommand {
    private final TimeReportServices services;

    @Parameters(index = "0", paramLabel = "MONTH", description = "YYYY-MM, e.g. 2020-05.")
    String month;

    @Option(names = "--user", paramLabel = "USER", description = "Whose month (default: your own).")
    String user;

    UnlockMonth(TimeReportServices services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        YearMonth wanted = Period.month(month);
        String userId = Subject.resolve(ctx, user);
        if (!services.locks().unlock(userId, wanted)) {
            return Reply.text(Period.label(wanted) + " is not locked in " + Subject.whose(ctx, userId) + " report; nothing changed.");
        }
        return Reply.text(":unlock: Unlocked " + Period.label(wanted) + " in " + Subject.whose(ctx, userId) + " report.");
    }
}
