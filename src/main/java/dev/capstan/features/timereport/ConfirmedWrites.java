package dev.capstan.features.timereport;

import dev.capstan.command.Confirmations;
import dev.capstan.command.Reply;
import dev.capstan.features.timereport.PendingWrites.PendingAdd;
import dev.capstan.features.timereport.PendingWrites.PendingDelete;
import dev.capstan.features.timereport.PendingWrites.PendingEdit;

/** What happens when someone clicks "Confirm" on an add, edit or delete: the write, then what it did. */
final class ConfirmedWrites {
    private ConfirmedWrites() {
    }

    static void register(Confirmations confirmations, TimeWrites writes) {
        confirmations.register(PendingWrites.ADD, PendingAdd.class, false, (ctx, add) -> {
            TimeWrites.Added added = writes.add(add.userId(), add.reason(), add.hours(), add.days());
            if (added.written().isEmpty()) {
                return Reply.text("Nothing was added: every day was reported meanwhile (" + Period.labels(added.alreadyReported(), 40)
                        + "). Use `edit` to change them.");
            }
            StringBuilder text = new StringBuilder(":white_check_mark: Added *" + add.reason() + "* "
                    + Hours.format(add.hours()) + " h for <@" + add.userId() + "> on " + days(added.written().size()) + ": "
                    + Period.labels(added.written(), 40) + ".");
            if (!added.alreadyReported().isEmpty()) {
                text.append(" Left alone, reported meanwhile: ").append(Period.labels(added.alreadyReported(), 40)).append('.');
            }
            return Reply.text(text.toString());
        });
        confirmations.register(PendingWrites.EDIT, PendingEdit.class, false, (ctx, edit) -> {
            TimeEntry before = writes.edit(new TimeEntry(edit.userId(), edit.day(), edit.reason(), edit.hours()));
            return Reply.text(":white_check_mark: Changed <@" + edit.userId() + ">'s entry on " + Period.label(edit.day())
                    + " from " + before.reason() + " " + Hours.format(before.hours()) + " h to *" + edit.reason() + "* "
                    + Hours.format(edit.hours()) + " h.");
        });
        confirmations.register(PendingWrites.DELETE, PendingDelete.class, false, (ctx, delete) -> {
            Period period = new Period(delete.from(), delete.to());
            int removed = writes.delete(delete.userId(), period);
            return Reply.text(removed == 0
                    ? "There were no entries of <@" + delete.userId() + "> on " + period + " any more; nothing was removed."
                    : ":wastebasket: Removed " + entries(removed) + " of <@" + delete.userId() + "> on " + period + ".");
        });
    }

    static String days(int n) {
        return n == 1 ? "1 day" : n + " days";
    }

    static String entries(int n) {
        return n == 1 ? "1 entry" : n + " entries";
    }
}
