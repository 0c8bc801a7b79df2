package dev.capstan.command;

/** A Slack user id written in configuration, checked by {@link SlackIds}'s one rule when it is read. */
public record SlackUserId(String id) {
    public SlackUserId {
        if (!SlackIds.isUser(id)) throw new IllegalArgumentException("`" + id + "` is not a Slack user id (U… or W…)");
    }

    @Override
    public String toString() {
        return id;
    }
}
