package dev.capstan.features.timereport;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The entries table: at most one entry per person and day (a unique key guards races). */
final class TimeEntries {
    private static final String COLUMNS = "select user_id, entry_date, reason, hours from timereport_entries ";
    private final Jdbi jdbi;
    private final Clock clock;

    public TimeEntries(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public List<TimeEntry> of(String userId, Period period) {
        return jdbi.withHandle(h -> of(h, userId, period));
    }

    public List<TimeEntry> of(Handle h, String userId, Period period) {
        return h.createQuery(COLUMNS + "where user_id = :user and entry_date between :from and :to order by entry_date")
                .bind("user", userId).bind("from", period.from()).bind("to", period.to())
                .map((rs, ctx) -> entry(rs)).list();
    }

    /** Everyone's entries in the period, by person then day. */
    public List<TimeEntry> all(Period period) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + "where entry_date between :from and :to order by user_id, entry_date")
                .bind("from", period.from()).bind("to", period.to())
                .map((rs, ctx) -> entry(rs)).list());
    }

    public Optional<TimeEntry> on(String userId, LocalDate day) {
        return of(userId, Period.day(day)).stream().findFirst();
    }

    /** People with at least one entry in the period. */
    public List<String> people(Period period) {
        return jdbi.withHandle(h -> h.createQuery("select distinct user_id from timereport_entries "
                        + "where entry_date between :from and :to order by user_id")
                .bind("from", period.from()).bind("to", period.to()).mapTo(String.class).list());
    }

    /** Days in the list that already have an entry of that person. */
    public List<LocalDate> taken(Handle h, String userId, List<LocalDate> days) {
        if (days.isEmpty()) return List.of();
        return h.createQuery("select entry_date from timereport_entries where user_id = :user and entry_date in (<days>) order by entry_date")
                .bind("user", userId).bindList("days", days).mapTo(LocalDate.class).list();
    }

    /** Everyone who ever reported, with their number of entries, by user id. */
    public Map<String, Integer> everyone() {
        return jdbi.withHandle(h -> h.createQuery("select user_id, count(*) as n from timereport_entries group by user_id order by user_id")
                .reduceRows(new LinkedHashMap<>(), (map, row) -> {
                    map.put(row.getColumn("user_id", String.class), row.getColumn("n", Integer.class));
                    return map;
                }));
    }

    /** Inserts a new entry unless the person has one that day, also one written at the same moment; true if inserted. */
    public boolean insert(Handle h, TimeEntry entry) {
        return h.createUpdate("insert into timereport_entries (user_id, entry_date, reason, hours, created_at) "
                        + "values (:user, :day, :reason, :hours, :at) on conflict do nothing")
                .bind("user", entry.userId()).bind("day", entry.day()).bind("reason", entry.reason())
                .bind("hours", entry.hours()).bind("at", clock.instant()).execute() == 1;
    }

    /** Replaces reason and hours of an existing entry; returns false when there is none. */
    public boolean replace(Handle h, TimeEntry entry) {
        return h.createUpdate("update timereport_entries set reason = :reason, hours = :hours where user_id = :user and entry_date = :day")
                .bind("user", entry.userId()).bind("day", entry.day()).bind("reason", entry.reason())
                .bind("hours", entry.hours()).execute() > 0;
    }

    public int delete(Handle h, String userId, Period period) {
        return h.createUpdate("delete from timereport_entries where user_id = :user and entry_date between :from and :to")
                .bind("user", userId).bind("from", period.from()).bind("to", period.to()).execute();
    }

    /** Deletes the person's entries on these days, and no others. */
    public int delete(Handle h, String userId, List<LocalDate> days) {
        if (days.isEmpty()) return 0;
        return h.createUpdate("delete from timereport_entries where user_id = :user and entry_date in (<days>)")
                .bind("user", userId).bindList("days", days).execute();
    }

    private static TimeEntry entry(java.sql.ResultSet rs) throws SQLException {
        return new TimeEntry(rs.getString("user_id"), rs.getObject("entry_date", LocalDate.class), rs.getString("reason"),
                rs.getBigDecimal("hours").setScale(2, java.math.RoundingMode.HALF_UP));
    }

    static BigDecimal sum(List<TimeEntry> entries) {
        return entries.stream().map(TimeEntry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
