package dev.capstan.store;

import dev.capstan.command.PendingAction;
import dev.capstan.command.PendingActions;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Pending confirmations in the database; the claim is one conditional UPDATE, so only one click anywhere wins. */
public final class PendingActionStore implements PendingActions {
    private final Jdbi jdbi;

    public PendingActionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(PendingAction a) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into pending_actions (id, kind, owner_id, channel_id, payload, question, created_at, expires_at, state, outcome)
                        values (:id, :kind, :owner, :channel, :payload, :question, :created, :expires, :state, :outcome)""")
                .bind("id", a.id()).bind("kind", a.kind()).bind("owner", a.ownerId()).bind("channel", a.channelId())
                .bind("payload", a.payloadJson()).bind("question", a.question()).bind("created", a.createdAt())
                .bind("expires", a.expiresAt()).bind("state", a.state().name().toLowerCase(Locale.ROOT))
                .bind("outcome", a.outcome()).execute());
    }

    @Override
    public Optional<PendingAction> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("select * from pending_actions where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new PendingAction(rs.getString("id"), rs.getString("kind"), rs.getString("owner_id"),
                        rs.getString("channel_id"), rs.getString("payload"), rs.getString("question"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                        PendingAction.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getString("outcome")))
                .findOne());
    }

    @Override
    public boolean claim(String id, String userId, PendingAction.State state, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update pending_actions set state = :state
                        where id = :id and owner_id = :owner and state = 'pending' and expires_at > :now""")
                .bind("state", state.name().toLowerCase(Locale.ROOT)).bind("id", id).bind("owner", userId)
                .bind("now", now).execute()) == 1;
    }

    @Override
    public void recordOutcome(String id, String outcome) {
        String cut = outcome.length() > 1000 ? outcome.substring(0, 999) + "…" : outcome;
        jdbi.useHandle(h -> h.createUpdate("update pending_actions set outcome = :outcome where id = :id")
                .bind("outcome", cut).bind("id", id).execute());
    }
}
