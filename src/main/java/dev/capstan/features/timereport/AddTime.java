package dev.capstan.features.timereport;

import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import dev.capstan.features.timereport.PendingWrites.PendingAdd;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code add <reason> <day|range> [hours]}: asks to write one entry per working day. */
@Command(name = "add", description = "Report a reason and hours for a day or a range of working days.")
@CommandInfo(role = Role.MEMBER)
final class AddTime implements CapstanCommand {
    static final int LONGEST_RANGE_DAYS = 366;

    private final TimeReportServices services;

    @Parameters(index = "0", paramLabel = "REASON", description = "One of the configured reasons, e.g. vab or sjuk.")
    String reason;

    @Parameters(index = "1", paramLabel = "DAY", description = "today, yesterday, YYYY-MM-DD or YYYY-MM-DD:YYYY-MM-DD.")
    String day;

    @Parameters(index = "2", paramLabel = "HOURS", arity = "0..1", description = "Hours per day, more than 0 and at most 24 (default: a full day).")
    String hours;

    @Option(names = "--user", paramLabel = "USER", description = "Admins: report for someone else.")
    String user;

    AddTime(TimeReportServices services) {
        this.services = services;
    }

    @Override
    public Reply run(CommandContext ctx) {
        Reason chosen = services.settings().reason(reason);
        BigDecimal perDay = hours == null ? services.settings().hoursPerDay() : Hours.parse(hours);
        Period period = Period.parseDays(day, services.today(ctx.clock()));
        if (period.length() > LONGEST_RANGE_DAYS) throw new UserError("A range may cover at most a year; " + period + " is longer.");
        String userId = Subject.resolve(ctx, user);
        List<LocalDate> days = period.isSingleDay() ? List.of(period.from()) : services.calendar().workingDays(period);
        if (days.isEmpty()) {
            throw new UserError(period + " has no working days (weekends and public holidays are skipped); nothing to add.");
        }
        services.writes().requireUnlocked(userId, days);
        List<LocalDate> taken = services.entries().of(userId, period).stream().map(TimeEntry::day).filter(days::contains).toList();
        List<LocalDate> open = new ArrayList<>(days);
        open.removeAll(taken);
        if (open.isEmpty()) {
            throw new UserError("Already reported: " + Period.labels(taken, 10) + ". One entry per day: use `edit` to change it.");
        }
        return ctx.confirm(question(chosen, perDay, userId, period, open, taken, ctx), PendingWrites.ADD,
                new PendingAdd(userId, chosen.name(), perDay, open));
    }

    private String question(Reason chosen, BigDecimal perDay, String userId, Period period, List<LocalDate> open,
                            List<LocalDate> taken, CommandContext ctx) {
        StringBuilder q = new StringBuilder("Add *" + chosen.name() + "* " + Hours.format(perDay) + " h to "
                + Subject.whose(ctx, userId) + " report on " + ConfirmedWrites.days(open.size()) + ": "
                + Period.labels(open, 40) + "?");
        if (!period.isSingleDay()) {
            List<String> skipped = new ArrayList<>();
            for (LocalDate d : period.days()) {
                services.calendar().holiday(d).ifPresent(name -> skipped.add(Period.label(d) + " (" + name + ")"));
            }
            long weekendDays = period.days().stream().filter(Period::isWeekend)
                    .filter(d -> services.calendar().holiday(d).isEmpty()).count();
            if (weekendDays > 0) skipped.add(weekendDays == 1 ? "1 weekend day" : weekendDays + " weekend days");
            if (!skipped.isEmpty()) q.append("\nSkipped, not working days: ").append(String.join(", ", skipped)).append('.');
        } else {
            services.calendar().whyFree(period.from()).ifPresent(why ->
                    q.append("\nNote: ").append(Period.label(period.from())).append(" is not a working day (").append(why).append(")."));
        }
        if (!taken.isEmpty()) q.append("\nAlready reported, left as they are: ").append(Period.labels(taken, 10)).append('.');
        return q.toString();
    }
}
