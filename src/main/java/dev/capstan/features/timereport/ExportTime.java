package dev.capstan.features.timereport;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandContext;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.TransientFailure;
import dev.capstan.command.UserError;
import dev.capstan.slack.SlackWebApi;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export [YYYY-MM|range] [--user U|--all]}: uploads the entries as a CSV file to the conversation. */
@Command(name = "export", description = "Upload your entries as a CSV file here (default: this month).")
@CommandInfo(role = Role.MEMBER, slow = true)
final class ExportTime implements CapstanCommand {
    /** The bot scope files.uploadV2 needs; the family declares it so the app manifest asks for it. */
    static final String SCOPE = "files:write";

    private final TimeReportServices services;
    private final SlackWebApi slack;

    @Parameters(index = "0", paramLabel = "PERIOD", arity = "0..1",
            description = "YYYY-MM, YYYY-MM-DD or YYYY-MM-DD:YYYY-MM-DD (default: this month).")
    String when;

    @Option(names = "--user", paramLabel = "USER", description = "Admins: someone else's entries.")
    String user;

    @Option(names = "--all", description = "Admins: everyone's entries.")
    boolean all;

    ExportTime(TimeReportServices services, SlackWebApi slack) {
        this.services = services;
        this.slack = slack;
    }

    @Override
    public Reply run(CommandContext ctx) {
        var today = services.today(ctx.clock());
        Period period = when == null ? Period.month(YearMonth.from(today)) : Period.parseDaysOrMonth(when, today);
        if (all && user != null) throw new UserError("Give either `--user` or `--all`, not both.");
        if (all && !ctx.isAdmin()) throw new UserError("Only admins can export everyone's entries.");
        String userId = all ? null : Subject.resolve(ctx, user);
        List<TimeEntry> entries = all ? services.entries().all(period) : services.entries().of(userId, period);
        String whose = all ? "everyone" : "<@" + userId + ">";
        if (entries.isEmpty()) return Reply.text("No entries of " + whose + " on " + describe(period) + "; nothing to export.");
        String filename = "timereport-" + name(period) + "-" + (all ? "all" : userId) + ".csv";
        upload(ctx.caller().channelId(), filename, CsvExport.of(entries), "Time report of " + whose + ", " + describe(period));
        return Reply.text(":page_facing_up: Exported " + ConfirmedWrites.entries(entries.size()) + " ("
                + Hours.format(TimeEntries.sum(entries)) + " h) of " + whose + " on " + describe(period) + " as `" + filename + "`.");
    }

    private void upload(String channelId, String filename, String csv, String title) {
        try {
            slack.call("files.uploadV2", m -> m.filesUploadV2(r -> r.channel(channelId).filename(filename).title(title)
                    .content(csv).requestFileInfo(false)));
        } catch (SlackWebApi.SlackCallFailed e) {
            throw new UserError(UploadRefusal.explain(e.error()));
        } catch (SlackFilesUploadV2Exception e) {
            throw new UserError(UploadRefusal.explain(UploadRefusal.errorCode(e)));
        } catch (IOException | SlackApiException e) {
            throw new TransientFailure("the upload to Slack failed", e);
        }
    }

    private static boolean wholeMonth(Period period) {
        return period.equals(Period.month(YearMonth.from(period.from())));
    }

    private static String name(Period period) {
        if (wholeMonth(period)) return YearMonth.from(period.from()).toString();
        return period.isSingleDay() ? period.from().toString() : period.from() + "_" + period.to();
    }

    private static String describe(Period period) {
        return wholeMonth(period) ? Period.label(YearMonth.from(period.from())) : period.toString();
    }
}
