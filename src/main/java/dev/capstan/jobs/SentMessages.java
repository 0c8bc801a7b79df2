package dev.capstan.jobs;

import dev.capstan.store.BatchedDelete;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Each Slack message of a delivery that Slack accepted, recorded the moment it did (with its ts when Slack gave one), so
 * that a delivery run again after a crash skips what already arrived. What is left is the instant between Slack's answer
 * and this insert (or, for a reply's last message sent by the job that decided it, the job's completion): the only window
 * in which a reply can reach Slack twice.
 */
final class SentMessages {
    private final Jdbi jdbi;
    private final Clock clock;

    SentMessages(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * What one delivery job has sent so far, message by message. On its row's first pick nothing can have been sent:
     * a delivery's id is never used twice (a claimed key or a random id), so there is nothing to look up.
     */
    ReplySender.Accepted of(String deliveryId, boolean firstPick) {
        return of(deliveryId, firstPick, true);
    }

    /**
     * Like {@link #of(String, boolean)}, but when {@code recordLast} is false the reply's last message is not recorded:
     * the job sending it records that by completing, in the same instant after Slack's answer.
     */
    ReplySender.Accepted of(String deliveryId, boolean firstPick, boolean recordLast) {
        return new ReplySender.Accepted() {
            @Override
            public boolean already(int message) {
                return !firstPick && jdbi.withHandle(h -> h.createQuery("select count(*) from sent_messages where message_key = :key")
                        .bind("key", key(deliveryId, message)).mapTo(Integer.class).one()) > 0;
            }

            @Override
            public void record(int message, boolean last, String channel, String ts) {
                if (last && !recordLast) return;
                jdbi.useHandle(h -> h.createUpdate("""
                                insert into sent_messages (message_key, channel_id, ts, sent_at) values (:key, :channel, :ts, :at)
                                on conflict do nothing""")
                        .bind("key", key(deliveryId, message)).bind("channel", channel).bind("ts", ts)
                        .bind("at", clock.instant()).execute());
            }
        };
    }

    /** Forgets at most {@code batch} records older than {@code before}: the retention schedule's part. */
    int forgetBefore(Instant before, int batch) {
        return BatchedDelete.olderThan(jdbi, "sent_messages", "message_key", "sent_at", before, batch);
    }

    private static String key(String deliveryId, int message) {
        return deliveryId + "#" + message;
    }
}
