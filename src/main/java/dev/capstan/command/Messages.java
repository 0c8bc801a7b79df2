package dev.capstan.command;

import java.util.Optional;

/**
 * Messages a family keeps and updates in place (a deployment's one message), named by a key the family chooses.
 * Showing is durable and works from any replica: the first version is posted, later ones update it (chat.update),
 * and a version not newer than the last one asked for is ignored, so a late or redelivered event never moves a
 * message back. A message deleted in Slack is posted again and the key re-pointed.
 */
public interface Messages {
    /** Asks Slack to show {@code reply} as message {@code key} in {@code channelId}, unless a newer version was asked for. */
    void show(String key, String channelId, long version, Reply reply);

    /** Where Slack shows the message now; empty before it was first posted. */
    Optional<MessageRef> find(String key);

    /** A posted message: its channel and timestamp, and the version Slack shows. */
    record MessageRef(String key, String channelId, String ts, long shownVersion) { }
}
