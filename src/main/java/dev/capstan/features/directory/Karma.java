package dev.capstan.features.directory;

import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Karma points per Slack user; someone never given any has 0, and 0 reads back as 0. */
final class Karma {
    private final Jdbi jdbi;
    private final Consumer<String> changed;

    /** {@code changed} hears whose points changed (their Home tab shows them), after the change committed. */
    public Karma(Jdbi jdbi, Consumer<String> changed) {
        this.jdbi = jdbi;
        this.changed = changed;
    }

    public long of(String userId) {
        return jdbi.withHandle(h -> h.createQuery("select points from directory_karma where user_id = :id")
                .bind("id", userId).mapTo(Long.class).findOne().orElse(0L));
    }

    /** Adds one point and returns the new total; points given at the same moment all count. */
    public long give(String userId) {
        long points = jdbi.inTransaction(h -> {
            ensureRow(h, userId);
            h.createUpdate("update directory_karma set points = points + 1 where user_id = :id").bind("id", userId).execute();
            return h.createQuery("select points from directory_karma where user_id = :id").bind("id", userId).mapTo(Long.class).one();
        });
        changed.accept(userId);
        return points;
    }

    public void set(String userId, long points) {
        jdbi.useTransaction(h -> {
            ensureRow(h, userId);
            h.createUpdate("update directory_karma set points = :p where user_id = :id").bind("p", points).bind("id", userId).execute();
        });
        changed.accept(userId);
    }

    /** Sets everyone back to 0; returns how many people had points. */
    public int resetAll() {
        List<String> had = jdbi.inTransaction(h -> {
            List<String> holders = h.createQuery("select user_id from directory_karma where points <> 0 for update")
                    .mapTo(String.class).list();
            h.createUpdate("update directory_karma set points = 0 where points <> 0").execute();
            return holders;
        });
        had.forEach(changed);
        return had.size();
    }

    /** One atomic statement: a row with 0 points unless the person has one, so two first points never collide. */
    private static void ensureRow(Handle h, String userId) {
        h.createUpdate("insert into directory_karma (user_id, points) values (:id, 0) on conflict do nothing").bind("id", userId).execute();
    }
}
