package dev.capstan.command;

/** A Slack channel id written in configuration, checked by {@link SlackIds}'s one rule when it is read. */
public record SlackChannelId(String id) {
    public SlackChannelId {
        id = id == null ? null : id.trim();
        if (!SlackIds.isChannel(id)) throw new IllegalArgumentException("`" + id + "` is not a Slack channel id (C…)");
    }

    @Override
    public String toString() {
        return id;
    }
}
