package dev.capstan.features.directory;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Karma points per Slack user; someone never given any has 0, and 0 reads back as 0. */
final class Karma {
    private final Jdbi jdbi;

    public Karma(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long of(String userId) {
        return jdbi.withHandle(h -> h.createQuery("select points from directory_karma where user_id = :id")
                .bind("id", userId).mapTo(Long.class).findOne().orElse(0L));
    }

    /** Adds one point and returns the new total; points given at the same moment all count. */
    public long give(String userId) {
        return jdbi.inTransaction(h -> {
            ensureRow(h, userId);
            h.createUpdate("update directory_karma set points = points + 1 where user_id = :id").bind("id", userId).execute();
            return h.createQuery("select points from directory_karma where user_id = :id").bind("id", userId).mapTo(Long.class).one();
        });
    }

    public void set(String userId, long points) {
        jdbi.useTransaction(h -> {
            ensureRow(h, userId);
            h.createUpdate("update directory_karma set points = :p where user_id = :id").bind("p", points).bind("id", userId).execute();
        });
    }

    /** Sets everyone back to 0; returns how many people had points. */
    public int resetAll() {
        return jdbi.withHandle(h -> h.createUpdate("update directory_karma set points = 0 where points <> 0").execute());
    }

    /** One atomic statement: a row with 0 points unless the person has one, so two first points never collide. */
    private static void ensureRow(Handle h, String userId) {
        h.createUpdate("insert into directory_karma (user_id, points) values (:id, 0) on conflict do nothing").bind("id", userId).execute();
    }
}
