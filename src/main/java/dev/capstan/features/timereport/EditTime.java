package dev.capstan.features.timereport;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import dev.capstan.features.timereport.PendingWrites.PendingEdit;
import java.math.BigDecimal;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edit <reason> <date> <hours>}: asks to replace a day's entry. */
@Command(name = "edit", description = "Replace the reason and hours of a day you reported.")
@CommandInfo(role = Role.MEMBER)
final class EditTime implements CapstanCommand {
    private final TimeReportServices services;

    @Parameters(index = "0", paramLabel = "REASON", description = "One of the configured reasons.")
    String reason;

    @Parameters(index = "1", paramLabel = "DAY", description = "today, yesterday or YYYY-MM-DD.")
    String day;

    @Parameters(index = "2", paramLabel = "HOURS", description = "More than 0 and at most 24.")
    String hours;

    @Option(names = "--user", paramLabel = "USER", description = "Admins: edit someone else's entry.")
    String user;

    EditTime(TimeReportServices services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Reason chosen = services.settings().reason(reason);
        BigDecimal newHours = Hours.parse(hours);
        Period period = Period.parseDays(day, services.today(ctx.clock()));
        if (!period.isSingleDay()) throw new UserError("`edit` changes one day at a time; give a single date, not a range.");
        String userId = Subject.resolve(ctx, user);
        services.writes().requireUnlocked(userId, List.of(period.from()));
        TimeEntry before = services.entries().on(userId, period.from()).orElseThrow(() -> new UserError(
                "There is no entry on " + period + " in " + Subject.whose(ctx, userId) + " report; use `add` instead."));
        if (before.reason().equals(chosen.name()) && before.hours().compareTo(newHours) == 0) {
            return Reply.text("That entry is already " + chosen.name() + " " + Hours.format(newHours) + " h; nothing to change.");
        }
        String question = "Change " + Subject.whose(ctx, userId) + " entry on " + period + " from " + before.reason() + " "
                + Hours.format(before.hours()) + " h to *" + chosen.name() + "* " + Hours.format(newHours) + " h?";
        return ctx.confirm(question, PendingWrites.EDIT, new PendingEdit(userId, period.from(), chosen.name(), newHours));
    }
}
