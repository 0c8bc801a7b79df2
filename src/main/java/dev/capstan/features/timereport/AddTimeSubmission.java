package dev.capstan.features.timereport;

import dev.capstan.command.Destination;
import dev.capstan.slack.Interactions.SubmitAnswer;
import dev.capstan.slack.Interactions.SubmitHandler;
import dev.capstan.slack.Interactions.Submission;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import dev.capstan.command.UserError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A submitted add-time form: checked with the same rules as {@code /timereport add}, refused with errors next to the
 * field at fault, otherwise written at once (submitting the form is the confirmation) and summed up in a DM.
 */
final class AddTimeSubmission implements SubmitHandler {
    private final TimeReportServices services;
    private final Outbox outbox;

    AddTimeSubmission(TimeReportServices services, Outbox outbox) {
        this.services = services;
        this.outbox = outbox;
    }

    @Override
    public SubmitAnswer submit(Submission submission) {
        Map<String, String> errors = new LinkedHashMap<>();
        Reason reason = field(errors, AddTimeForm.REASON, () -> services.settings().reason(value(submission, AddTimeForm.REASON)));
        BigDecimal hours = field(errors, AddTimeForm.HOURS, () -> Hours.parse(value(submission, AddTimeForm.HOURS)));
        LocalDate from = field(errors, AddTimeForm.FROM, () -> date(value(submission, AddTimeForm.FROM)));
        LocalDate to = field(errors, AddTimeForm.TO, () -> date(value(submission, AddTimeForm.TO)));
        if (from != null && to != null && from.isAfter(to)) {
            errors.put(AddTimeForm.TO, "The last day must be on or after the first day (" + from + ").");
        }
        if (!errors.isEmpty()) return SubmitAnswer.errors(errors);
        String userId = submission.userId();
        Period period = new Period(from, to);
        try {
            AddPlan plan = AddPlan.of(services, userId, period);
            TimeWrites.Added added = services.writes().add(userId, reason.name(), hours, plan.open());
            if (added.written().isEmpty()) {
                throw new UserError("Already reported meanwhile: " + Period.labels(added.alreadyReported(), 10) + ".");
            }
            outbox.send(new Destination.DirectMessage(userId), Reply.text(summary(reason, hours, plan, added)));
            return SubmitAnswer.close();
        } catch (MonthLocked e) {
            return lockRefusal(userId, period);
        } catch (UserError e) {
            return SubmitAnswer.errors(Map.of(AddTimeForm.FROM, e.getMessage()));
        }
    }

    private String summary(Reason reason, BigDecimal hours, AddPlan plan, TimeWrites.Added added) {
        String text = ":white_check_mark: Added *" + reason.name() + "* " + Hours.format(hours) + " h to your report on "
                + ConfirmedWrites.days(added.written().size()) + ": " + Period.labels(added.written(), 40) + "."
                + plan.skippedNotes(services.calendar());
        List<LocalDate> leftAlone = new ArrayList<>(plan.taken());
        leftAlone.addAll(added.alreadyReported());
        if (leftAlone.isEmpty()) return text;
        return text + "\nAlready reported, left as they are: " + Period.labels(leftAlone.stream().sorted().toList(), 10) + ".";
    }

    /** A lock refusal next to the day whose month is locked (the first day's if both are), in plain text: modals show no mentions. */
    private SubmitAnswer lockRefusal(String userId, Period period) {
        List<YearMonth> locked = services.locks().of(userId, new Period(YearMonth.from(period.from()).atDay(1), period.to()));
        YearMonth month = locked.isEmpty() ? YearMonth.from(period.from()) : locked.get(0);
        String field = month.equals(YearMonth.from(period.from())) ? AddTimeForm.FROM : AddTimeForm.TO;
        return SubmitAnswer.errors(Map.of(field, Period.label(month) + " is locked in your report, so nothing in it can change. "
                + "An admin can unlock it."));
    }

    /** Reads one field; a refusal becomes that field's error and the value null. */
    private static <T> T field(Map<String, String> errors, String blockId, Supplier<T> read) {
        try {
            return read.get();
        } catch (UserError e) {
            errors.put(blockId, e.getMessage());
            return null;
        }
    }

    private static String value(Submission submission, String blockId) {
        String value = submission.values().getOrDefault(blockId, "").trim();
        if (value.isEmpty()) throw new UserError("Please fill this in.");
        return value;
    }

    private static LocalDate date(String text) {
        return Period.date(text, "YYYY-MM-DD");
    }
}
