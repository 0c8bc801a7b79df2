package dev.capstan.features.timereport;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import java.time.YearMonth;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lock YYYY-MM}: freezes the caller's month, e.g. once it has been reported for payroll. */
@Command(name = "lock", description = "Freeze a month of your report; only an admin can unlock it.")
@CommandInfo(role = Role.MEMBER)
final class LockMonth implements CapstanCommand {
    private final TimeReportServices services;

    @Parameters(index = "0", paramLabel = "MONTH", description = "YYYY-MM, e.g. 2020-05.")
    String month;

    LockMonth(TimeReportServices services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        YearMonth wanted = Period.month(month);
        if (wanted.isAfter(YearMonth.from(services.today(ctx.clock())))) {
            throw new UserError(Period.label(wanted) + " has not started yet; you can lock a month once it has begun.");
        }
        if (!services.locks().lock(ctx.userId(), wanted, ctx.userId())) {
            return Reply.text(Period.label(wanted) + " was already locked; nothing changed.");
        }
        List<TimeEntry> entries = services.entries().of(ctx.userId(), Period.month(wanted));
        return Reply.text(":lock: Locked " + Period.label(wanted) + " (" + ConfirmedWrites.entries(entries.size()) + ", "
                + Hours.format(TimeEntries.sum(entries)) + " h). Adding, editing and deleting in it are refused until an admin unlocks it.");
    }
}
