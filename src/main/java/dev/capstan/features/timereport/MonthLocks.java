package dev.capstan.features.timereport;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Months people have frozen: nothing in a locked month changes until an admin unlocks it. */
final class MonthLocks {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Consumer<String> changed;

    /** {@code changed} hears whose month was locked or unlocked (their Home tab says so). */
    public MonthLocks(Jdbi jdbi, Clock clock, Consumer<String> changed) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.changed = changed;
    }

    public boolean isLocked(Handle h, String userId, YearMonth month) {
        return h.createQuery("select count(*) from timereport_locks where user_id = :user and month_start = :month")
                .bind("user", userId).bind("month", month.atDay(1)).mapTo(Integer.class).one() > 0;
    }

    /** Locks the month; returns false if it was locked already, also by a request at the same moment (one atomic insert). */
    public boolean lock(String userId, YearMonth month, String lockedBy) {
        boolean locked = jdbi.withHandle(h -> h.createUpdate("insert into timereport_locks (user_id, month_start, locked_by, locked_at) "
                        + "values (:user, :month, :by, :at) on conflict do nothing")
                .bind("user", userId).bind("month", month.atDay(1)).bind("by", lockedBy).bind("at", clock.instant()).execute() == 1);
        if (locked) changed.accept(userId);
        return locked;
    }

    /** Unlocks the month; returns false if it was not locked. */
    public boolean unlock(String userId, YearMonth month) {
        boolean unlocked = jdbi.withHandle(h -> h.createUpdate("delete from timereport_locks where user_id = :user and month_start = :month")
                .bind("user", userId).bind("month", month.atDay(1)).execute() > 0);
        if (unlocked) changed.accept(userId);
        return unlocked;
    }

    /** The person's locked months within the period, oldest first. */
    public List<YearMonth> of(String userId, Period period) {
        return jdbi.withHandle(h -> h.createQuery("select month_start from timereport_locks "
                        + "where user_id = :user and month_start between :from and :to order by month_start")
                .bind("user", userId).bind("from", period.from()).bind("to", period.to())
                .map((rs, ctx) -> YearMonth.from(rs.getObject("month_start", LocalDate.class))).list());
    }

    /** A month someone locked. */
    public record LockedMonth(String userId, YearMonth month) { }

    /** Everyone's locked months within the period, by month then person. */
    public List<LockedMonth> all(Period period) {
        return jdbi.withHandle(h -> h.createQuery("select user_id, month_start from timereport_locks "
                        + "where month_start between :from and :to order by month_start, user_id")
                .bind("from", period.from()).bind("to", period.to())
                .map((rs, ctx) -> new LockedMonth(rs.getString("user_id"), YearMonth.from(rs.getObject("month_start", LocalDate.class))))
                .list());
    }

    /** Everyone who locked this month. */
    public List<String> lockedBy(YearMonth month) {
        return jdbi.withHandle(h -> h.createQuery("select user_id from timereport_locks where month_start = :month")
                .bind("month", month.atDay(1)).mapTo(String.class).list());
    }
}
