package dev.capstan.features.timereport;

import dev.capstan.command.Block;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.features.timereport.PendingWrites.PendingAdd;
import java.math.BigDecimal;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code add <reason> <day|range> [hours]}: asks to write one entry per working day. Without arguments it opens the
 * add-time form instead; that happens inside the request because Slack's trigger id is valid for 3 seconds only.
 */
@Command(name = "add", description = "Report a reason and hours for a day or a range of working days; "
        + "without arguments, opens a form.")
@CommandInfo(role = Role.MEMBER)
final class AddTime implements CapstanCommand {
    private final TimeReportServices services;
    private final AddTimeForm form;

    @Parameters(index = "0", paramLabel = "REASON", arity = "0..1", description = "One of the configured reasons, e.g. vab or sjuk.")
    String reason;

    @Parameters(index = "1", paramLabel = "DAY", arity = "0..1", description = "today, yesterday, YYYY-MM-DD or YYYY-MM-DD:YYYY-MM-DD.")
    String day;

    @Parameters(index = "2", paramLabel = "HOURS", arity = "0..1", description = "Hours per day, more than 0 and at most 24 (default: a full day).")
    String hours;

    @Option(names = "--user", paramLabel = "USER", description = "Admins: report for someone else.")
    String user;

    @Spec
    CommandSpec spec;

    AddTime(TimeReportServices services, AddTimeForm form) {
        this.services = services;
        this.form = form;
    }

    @Override
    public Reply run(CommandContext ctx) {
        if (reason == null) {
            if (user != null) return usageReply("The form adds to your own report; for someone else, give the arguments.");
            return form.open(ctx).map(failure -> usageReply("Could not open the form (" + failure + ").")).orElse(Reply.text(
                    "Opening the form to add time…"));
        }
        if (day == null) return usageReply("Missing required parameter: 'DAY'");
        Reason chosen = services.settings().reason(reason);
        BigDecimal perDay = hours == null ? services.settings().hoursPerDay() : Hours.parse(hours);
        Period period = Period.parseDays(day, services.today(ctx.clock()));
        String userId = Subject.resolve(ctx, user);
        AddPlan plan = AddPlan.of(services, userId, period);
        String question = "Add *" + chosen.name() + "* " + Hours.format(perDay) + " h to " + Subject.whose(ctx, userId)
                + " report on " + ConfirmedWrites.days(plan.open().size()) + ": " + Period.labels(plan.open(), 40) + "?"
                + plan.skippedNotes(services.calendar())
                + (plan.taken().isEmpty() ? "" : "\nAlready reported, left as they are: " + Period.labels(plan.taken(), 10) + ".");
        return ctx.confirm(question, PendingWrites.ADD, new PendingAdd(userId, chosen.name(), perDay, plan.open()));
    }

    /** The same answer picocli gives for a missing parameter: what is wrong, then the usage. */
    private Reply usageReply(String problem) {
        return Reply.blocks(problem, List.of(new Block.Section(":warning: " + problem), new Block.Preformatted(usage())));
    }

    private String usage() {
        return spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
    }
}
