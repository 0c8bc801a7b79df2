package dev.capstan.features.timereport;

import dev.capstan.command.Block;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code list [today|YYYY-MM|YYYY-MM-DD|range]}: entries and, per month, worked / working hours and hours per reason. */
@Command(name = "list", description = "Show your entries and each month's worked hours (default: this month).")
@CommandInfo(role = Role.MEMBER)
final class ListTime implements CapstanCommand {
    static final int MOST_ENTRIES_SHOWN = 100;

    private final TimeReportServices services;

    @Parameters(index = "0", paramLabel = "PERIOD", arity = "0..1",
            description = "today, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD:YYYY-MM-DD (default: this month).")
    String when;

    @Option(names = "--user", paramLabel = "USER", description = "Admins: someone else's report.")
    String user;

    ListTime(TimeReportServices services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        var today = services.today(ctx.clock());
        Period period = when == null ? Period.month(YearMonth.from(today)) : Period.parseDaysOrMonth(when, today);
        if (period.length() > AddPlan.LONGEST_RANGE_DAYS) {
            throw new UserError("`list` shows at most a year at a time; use `export` for longer periods.");
        }
        String userId = Subject.resolve(ctx, user);
        List<TimeEntry> entries = services.entries().of(userId, period);
        List<YearMonth> locked = services.locks().of(userId, new Period(YearMonth.from(period.from()).atDay(1), period.to()));
        String title = "Time report of <@" + userId + ">, " + period;
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section("*" + title + "*"));
        int shown = 0;
        for (Period month : period.byMonth()) {
            List<TimeEntry> inMonth = entries.stream().filter(e -> !e.day().isBefore(month.from()) && !e.day().isAfter(month.to())).toList();
            MonthSummary summary = MonthSummary.of(month, inMonth, services.calendar(), services.settings());
            String lock = locked.contains(summary.month()) ? " :lock:" : "";
            blocks.add(new Block.Section("*" + Period.label(summary.month()) + "*" + lock + "  worked " + summary.figures()
                    + "\n" + summary.perReason()));
            List<String> lines = new ArrayList<>();
            for (TimeEntry entry : inMonth) {
                if (shown == MOST_ENTRIES_SHOWN) break;
                lines.add(Period.label(entry.day()) + "  " + entry.reason() + "  " + Hours.format(entry.hours()) + " h");
                shown++;
            }
            if (!lines.isEmpty()) blocks.add(new Block.Preformatted(String.join("\n", lines)));
        }
        if (entries.isEmpty()) blocks.add(new Block.Context("No entries in this period."));
        if (entries.size() > shown) {
            blocks.add(new Block.Context((entries.size() - shown) + " more entries are not shown; list a shorter period "
                    + "or use `export` for all of them."));
        }
        return Reply.blocks(title, blocks);
    }
}
