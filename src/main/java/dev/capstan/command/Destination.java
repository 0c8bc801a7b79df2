package dev.capstan.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/** Where a reply produced outside the HTTP request goes. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME)
@JsonSubTypes({@JsonSubTypes.Type(Destination.ResponseUrl.class), @JsonSubTypes.Type(Destination.DirectMessage.class),
        @JsonSubTypes.Type(Destination.Channel.class), @JsonSubTypes.Type(Destination.Ephemeral.class)})
public sealed interface Destination {
    /** Slack's response_url: usable 5 times within 30 minutes, then the reply falls back to a DM to {@code userId}. */
    record ResponseUrl(String url, String userId, Instant issuedAt) implements Destination { }

    record DirectMessage(String userId) implements Destination { }

    record Channel(String channelId) implements Destination { }

    /** A message in a channel that only {@code userId} sees (chat.postEphemeral; Slack does not keep it). */
    record Ephemeral(String channelId, String userId) implements Destination { }
}
