package dev.capstan.features.directory;

import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import dev.capstan.slack.SlackWebApi;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The weekly "featured channel" post: a random public, non-archived channel, announced in the configured channel. */
final class FeaturedChannel implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(FeaturedChannel.class);
    private final SlackWebApi slack;
    private final Outbox outbox;
    private final String target;
    private final RandomGenerator random;

    FeaturedChannel(SlackWebApi slack, Outbox outbox, String target, RandomGenerator random) {
        this.slack = slack;
        this.outbox = outbox;
        this.target = target;
        this.random = random;
    }

    @Override
    public void run() {
        List<Conversation> channels = new ArrayList<>();
        String cursor = null;
        try {
            do {
                String page = cursor;
                ConversationsListResponse response = slack.call("conversations.list",
                        m -> m.conversationsList(r -> r.excludeArchived(true).limit(200).cursor(page)));
                response.getChannels().stream().filter(c -> !c.isArchived() && !c.getId().equals(target)).forEach(channels::add);
                cursor = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
            } while (cursor != null && !cursor.isEmpty());
        } catch (Exception e) {
            log.error("Featured channel: could not list channels", e);
            return;
        }
        if (channels.isEmpty()) {
            log.info("Featured channel: no channel to feature this week");
            return;
        }
        Conversation pick = channels.get(random.nextInt(channels.size()));
        outbox.send(new Destination.Channel(target), Reply.text(":star: This week's featured channel is <#" + pick.getId()
                + ">" + (pick.getName() == null ? "" : " (#" + pick.getName() + ")") + ". Come and say hi!").inChannel());
    }
}
