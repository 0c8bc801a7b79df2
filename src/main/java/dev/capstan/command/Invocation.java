package dev.capstan.command;

import java.time.Instant;

/** One slash command as Slack sent it, stripped of transport details; also the payload of a slow command's job. */
public record Invocation(
        String slashCommand,
        String text,
        String userId,
        String teamId,
        String channelId,
        String channelName,
        String responseUrl,
        String triggerId,
        Instant receivedAt) {

    public Invocation {
        slashCommand = slashCommand == null ? "/capstan" : slashCommand;
        text = text == null ? "" : text;
    }

    public String commandName() {
        return slashCommand.startsWith("/") ? slashCommand.substring(1) : slashCommand;
    }
}
