package dev.capstan.features.timereport;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lock list [YYYY]}: which months of a year are locked. */
@Command(name = "lock list", description = "Show which months of a year are locked (default: this year).")
@CommandInfo(role = Role.MEMBER)
final class ListLocks implements CapstanCommand {
    private final TimeReportServices services;

    @Parameters(index = "0", paramLabel = "YEAR", arity = "0..1", description = "YYYY (default: this year).")
    String year;

    @Option(names = "--user", paramLabel = "USER", description = "Admins: someone else's locks.")
    String user;

    ListLocks(TimeReportServices services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Year wanted = year == null ? Year.from(services.today(ctx.clock())) : Period.year(year);
        String userId = Subject.resolve(ctx, user);
        List<YearMonth> locked = services.locks().of(userId, new Period(wanted.atDay(1), wanted.atMonth(12).atEndOfMonth()));
        if (locked.isEmpty()) return Reply.text("No month of " + wanted + " is locked in " + Subject.whose(ctx, userId) + " report.");
        return Reply.text(":lock: Locked in " + wanted + " (" + Subject.whose(ctx, userId) + " report): "
                + String.join(", ", locked.stream().map(Period::label).toList()) + ".");
    }

}
