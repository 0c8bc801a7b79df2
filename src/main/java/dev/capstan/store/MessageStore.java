package dev.capstan.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The updatable messages' rows: what each should show (and its version), and where and which version Slack shows. */
public final class MessageStore {
    /** One message's row. {@code ts} is null until it was first posted. */
    public record Row(String key, String channelId, String ts, long wantedVersion, String wantedReply, long shownVersion) { }

    private final Jdbi jdbi;

    public MessageStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records what the message should show; false (and nothing changed) when this version is not newer than the last asked for. */
    public boolean want(String key, String channelId, long version, String replyJson, Instant now) {
        return jdbi.inTransaction(h -> {
            int inserted = h.createUpdate("""
                            insert into slack_messages (message_key, channel_id, wanted_version, wanted_reply, shown_version, created_at, updated_at)
                            values (:key, :channel, :version, :reply, 0, :now, :now) on conflict do nothing""")
                    .bind("key", key).bind("channel", channelId).bind("version", version).bind("reply", replyJson)
                    .bind("now", now).execute();
            if (inserted == 1) return true;
            return h.createUpdate("""
                            update slack_messages set wanted_version = :version, wanted_reply = :reply, channel_id = :channel,
                            updated_at = :now where message_key = :key and wanted_version < :version""")
                    .bind("key", key).bind("channel", channelId).bind("version", version).bind("reply", replyJson)
                    .bind("now", now).execute() == 1;
        });
    }

    /** The row, locked until {@code h}'s transaction ends, so that one replica at a time brings Slack up to date. */
    public Optional<Row> lock(Handle h, String key) {
        return h.createQuery("""
                        select message_key, channel_id, ts, wanted_version, wanted_reply, shown_version
                        from slack_messages where message_key = :key for update""")
                .bind("key", key).map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getLong(6))).findOne();
    }

    public Optional<Row> find(String key) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select message_key, channel_id, ts, wanted_version, wanted_reply, shown_version
                        from slack_messages where message_key = :key""")
                .bind("key", key).map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getLong(6))).findOne());
    }

    public void shown(Handle h, String key, String channelId, String ts, long version, Instant now) {
        h.createUpdate("""
                        update slack_messages set shown_version = :version, channel_id = :channel, ts = :ts, updated_at = :now
                        where message_key = :key""")
                .bind("key", key).bind("channel", channelId).bind("ts", ts).bind("version", version).bind("now", now).execute();
    }
}
