package dev.capstan.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.capstan.command.Messages;
import dev.capstan.command.PermanentFailure;
import dev.capstan.command.Reply;
import dev.capstan.jobs.JobOptions;
import dev.capstan.jobs.JobResult;
import dev.capstan.jobs.JobType;
import dev.capstan.jobs.Jobs;
import dev.capstan.store.MessageStore;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Messages} on Slack: each show records the wanted version and queues a durable sync; the sync locks the
 * message's row, so that one replica at a time posts it (chat.postMessage) or updates it (chat.update) to the newest
 * version wanted, and posts it anew when Slack no longer has it.
 */
public final class UpdatableMessages implements Messages {
    private static final Logger log = LoggerFactory.getLogger(UpdatableMessages.class);
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final Set<String> GONE = Set.of("message_not_found", "channel_not_found", "cant_update_message");
    private static final int MAX_KEY = 150;

    /** The job's data: which message to bring up to date. */
    public record Sync(String key) { }

    private final MessageStore store;
    private final Jdbi jdbi;
    private final SlackWebApi slack;
    private final BlockKitRenderer renderer;
    private final Clock clock;
    private final JobType<Sync> syncs;

    public UpdatableMessages(MessageStore store, Jdbi jdbi, SlackWebApi slack, BlockKitRenderer renderer, Clock clock, Jobs jobs) {
        this.store = store;
        this.jdbi = jdbi;
        this.slack = slack;
        this.renderer = renderer;
        this.clock = clock;
        this.syncs = jobs.define("message-sync", Sync.class, JobOptions.retrying(jobs.settings(),
                (run, failure) -> log.error("Gave up showing message {}: {}", run.data().key(), failure.sentence())),
                run -> {
                    sync(run.data().key());
                    return JobResult.done();
                });
    }

    @Override
    public void show(String key, String channelId, long version, Reply reply) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY) throw new IllegalArgumentException("A message key has 1 to " + MAX_KEY + " characters");
        String json;
        try {
            json = JSON.writeValueAsString(reply);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot store the reply of message " + key, e);
        }
        if (store.want(key, channelId, version, json, clock.instant())) {
            syncs.enqueueAt(key + "@" + version, java.time.Instant.EPOCH, new Sync(key));
        }
    }

    @Override
    public Optional<MessageRef> find(String key) {
        return store.find(key).filter(row -> row.ts() != null)
                .map(row -> new MessageRef(row.key(), row.channelId(), row.ts(), row.shownVersion()));
    }

    private void sync(String key) throws Exception {
        jdbi.useTransaction(h -> {
            Optional<MessageStore.Row> found = store.lock(h, key);
            if (found.isEmpty() || found.get().shownVersion() >= found.get().wantedVersion()) return;
            MessageStore.Row row = found.get();
            SlackMessage message = renderer.render(JSON.readValue(row.wantedReply(), Reply.class), 1).get(0);
            String ts = row.ts();
            if (ts != null) {
                try {
                    slack.call("chat.update", m -> m.chatUpdate(r -> {
                        r.channel(row.channelId()).ts(row.ts()).text(message.text());
                        if (!message.blocks().isEmpty()) r.blocks(message.blocks());
                        return r;
                    }));
                } catch (SlackWebApi.SlackCallFailed e) {
                    if (!GONE.contains(e.error())) throw e;
                    log.info("Message {} is gone from Slack ({}); posting it again", key, e.error());
                    ts = null;
                }
            }
            if (ts == null) ts = post(row.channelId(), message);
            store.shown(h, key, row.channelId(), ts, row.wantedVersion(), clock.instant());
        });
    }

    private String post(String channelId, SlackMessage message) throws Exception {
        ChatPostMessageResponse posted = slack.call("chat.postMessage", m -> m.chatPostMessage(r -> {
            r.channel(channelId).text(message.text());
            if (!message.blocks().isEmpty()) r.blocks(message.blocks());
            return r;
        }));
        if (posted.getTs() == null) throw new PermanentFailure("Slack posted the message but gave no timestamp");
        return posted.getTs();
    }
}
