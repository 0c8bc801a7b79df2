package dev.capstan.command;

/** Who runs a command, where, and with which role, as the policy sees it. */
public record Caller(String userId, String channelId, Role role) {
}
