package dev.capstan.features.timereport;

import dev.capstan.command.Reply;
import dev.capstan.features.timereport.PendingWrites.PendingAdd;
import dev.capstan.features.timereport.PendingWrites.PendingDelete;
import dev.capstan.features.timereport.PendingWrites.PendingEdit;
import dev.capstan.platform.FeatureContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What happens when someone clicks "Confirm" on an add, edit or delete (declared as confirmations): the write, then what it did. */
final class ConfirmedWrites {
    private ConfirmedWrites() {
    }

    static void register(FeatureContext context, TimeWrites writes) {
        context.confirmation(PendingWrites.ADD, false, (ctx, add) -> {
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
        context.confirmation(PendingWrites.EDIT, false, (ctx, edit) -> {
            TimeEntry before = writes.edit(new TimeEntry(edit.userId(), edit.day(), edit.reason(), edit.hours()));
            return Reply.text(":white_check_mark: Changed <@" + edit.userId() + ">'s entry on " + Period.label(edit.day())
                    + " from " + before.reason() + " " + Hours.format(before.hours()) + " h to *" + edit.reason() + "* "
                    + Hours.format(edit.hours()) + " h.");
        });
        context.confirmation(PendingWrites.DELETE, false, (ctx, delete) -> {
            if (delete.days() == null) {
                return Reply.text("This confirmation was asked by an older version of Capstan that did not keep the entries "
                        + "it listed; nothing was removed. Please run the delete again.");
            }
            List<LocalDate> removed = writes.delete(delete.userId(), delete.days());
            if (removed.isEmpty()) {
                return Reply.text("None of the entries of <@" + delete.userId() + "> on " + Period.labels(delete.days(), 40)
                        + " are left any more; nothing was removed.");
            }
            StringBuilder text = new StringBuilder(":wastebasket: Removed " + entries(removed.size()) + " of <@"
                    + delete.userId() + ">: " + Period.labels(removed, 40) + ".");
            List<LocalDate> gone = new ArrayList<>(delete.days());
            gone.removeAll(removed);
            if (!gone.isEmpty()) text.append(" Already gone meanwhile: ").append(Period.labels(gone, 40)).append('.');
            return Reply.text(text.toString());
        });
    }

    static String days(int n) {
        return n == 1 ? "1 day" : n + " days";
    }

    static String entries(int n) {
        return n == 1 ? "1 entry" : n + " entries";
    }
}
