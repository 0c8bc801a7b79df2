package dev.capstan.features.timereport;

import dev.capstan.command.UserError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Every change to entries goes through here, so Slack and the REST API keep the same rules: locks and one entry a day. */
final class TimeWrites {
    private final Jdbi jdbi;
    private final TimeEntries entries;
    private final MonthLocks locks;
    private final Consumer<String> changed;

    /** {@code changed} hears whose entries changed (their Home tab shows this month), after the change committed. */
    public TimeWrites(Jdbi jdbi, TimeEntries entries, MonthLocks locks, Consumer<String> changed) {
        this.jdbi = jdbi;
        this.entries = entries;
        this.locks = locks;
        this.changed = changed;
    }

    /** What an add wrote and which days it left alone because they were reported already. */
    public record Added(List<LocalDate> written, List<LocalDate> alreadyReported) { }

    /** Writes the days that have no entry; a day reported meanwhile, even at the same moment, counts as already reported. */
    public Added add(String userId, String reason, BigDecimal hours, List<LocalDate> days) {
        Added added = jdbi.inTransaction(h -> {
            requireUnlocked(h, userId, days);
            List<LocalDate> written = new ArrayList<>();
            List<LocalDate> taken = new ArrayList<>();
            for (LocalDate day : days) {
                (entries.insert(h, new TimeEntry(userId, day, reason, hours)) ? written : taken).add(day);
            }
            return new Added(written, taken);
        });
        if (!added.written().isEmpty()) changed.accept(userId);
        return added;
    }

    /** Replaces the day's entry and returns the one it replaced. */
    public TimeEntry edit(TimeEntry entry) {
        TimeEntry replaced = jdbi.inTransaction(h -> {
            requireUnlocked(h, entry.userId(), List.of(entry.day()));
            Optional<TimeEntry> before = entries.of(h, entry.userId(), Period.day(entry.day())).stream().findFirst();
            if (before.isEmpty() || !entries.replace(h, entry)) {
                throw new UserError("There is no entry on " + Period.label(entry.day()) + " to edit; use `add` instead.");
            }
            return before.get();
        });
        changed.accept(entry.userId());
        return replaced;
    }

    /** Deletes the person's entries on exactly these days; returns the days that still had an entry. */
    public List<LocalDate> delete(String userId, List<LocalDate> days) {
        List<LocalDate> deleted = jdbi.inTransaction(h -> {
            requireUnlocked(h, userId, days);
            List<LocalDate> present = entries.taken(h, userId, days);
            entries.delete(h, userId, present);
            return present;
        });
        if (!deleted.isEmpty()) changed.accept(userId);
        return deleted;
    }

    /** Deletes the person's entries in the period; returns how many there were. */
    public int delete(String userId, Period period) {
        int deleted = jdbi.inTransaction(h -> {
            requireUnlocked(h, userId, period.months().stream().map(m -> m.atDay(1)).toList());
            return entries.delete(h, userId, period);
        });
        if (deleted > 0) changed.accept(userId);
        return deleted;
    }

    /** As {@link #requireUnlocked(Handle, String, Collection)}, for checks before asking for confirmation. */
    public void requireUnlocked(String userId, Collection<LocalDate> days) {
        jdbi.useHandle(h -> requireUnlocked(h, userId, days));
    }

    /** Refuses with a clear message when any of the days falls in a month the person has locked. */
    public void requireUnlocked(Handle h, String userId, Collection<LocalDate> days) {
        for (YearMonth month : new TreeSet<>(days.stream().map(YearMonth::from).toList())) {
            if (locks.isLocked(h, userId, month)) {
                throw new MonthLocked(":lock: " + Period.label(month) + " is locked for <@" + userId + ">, so nothing in it "
                        + "can change. An admin can unlock it with `/timereport unlock " + month + " --user " + userId + "`.");
            }
        }
    }
}
