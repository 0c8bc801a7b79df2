package dev.capstan.store;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** The per-person Home tab throttle in the database, so that replicas share it: a publish claims the next slot. */
public final class HomePublishes {
    private final Jdbi jdbi;

    public HomePublishes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The answer to a claim: whether this caller may publish now, and when the next publish is allowed. */
    public record Claim(boolean granted, Instant nextAllowed) { }

    /** Claims the right to publish this person's Home now, holding off the next publish until {@code next}. */
    public Claim claim(String userId, Instant now, Instant next) {
        return jdbi.inTransaction(h -> {
            int claimed = h.createUpdate("update home_publishes set next_allowed = :next where user_id = :user and next_allowed <= :now")
                    .bind("user", userId).bind("now", now).bind("next", next).execute();
            if (claimed == 1) return new Claim(true, next);
            int inserted = h.createUpdate("insert into home_publishes (user_id, next_allowed) values (:user, :next) on conflict do nothing")
                    .bind("user", userId).bind("next", next).execute();
            if (inserted == 1) return new Claim(true, next);
            return new Claim(false, h.createQuery("select next_allowed from home_publishes where user_id = :user")
                    .bind("user", userId).map((rs, ctx) -> rs.getTimestamp(1).toInstant()).one());
        });
    }
}
