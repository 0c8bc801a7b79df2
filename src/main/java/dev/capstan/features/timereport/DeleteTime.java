package dev.capstan.features.timereport;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.features.timereport.PendingWrites.PendingDelete;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code delete <day|range>}: asks to remove the entries, or says there are none. */
@Command(name = "delete", description = "Remove your entries on a day or in a range.")
@CommandInfo(role = Role.MEMBER)
final class DeleteTime implements CapstanCommand {
    private final TimeReportServices services;

    @Parameters(index = "0", paramLabel = "DAY", description = "today, yesterday, YYYY-MM-DD or YYYY-MM-DD:YYYY-MM-DD.")
    String day;

    @Option(names = "--user", paramLabel = "USER", description = "Admins: delete someone else's entries.")
    String user;

    DeleteTime(TimeReportServices services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Period period = Period.parseDays(day, services.today(ctx.clock()));
        String userId = Subject.resolve(ctx, user);
        List<LocalDate> days = services.entries().of(userId, period).stream().map(TimeEntry::day).toList();
        if (days.isEmpty()) {
            return Reply.text("There are no entries on " + period + " in " + Subject.whose(ctx, userId) + " report; nothing to delete.");
        }
        services.writes().requireUnlocked(userId, days);
        String question = "Delete " + ConfirmedWrites.entries(days.size()) + " from " + Subject.whose(ctx, userId)
                + " report: " + Period.labels(days, 40) + "?";
        return ctx.confirm(question, PendingWrites.DELETE, new PendingDelete(userId, days));
    }
}
