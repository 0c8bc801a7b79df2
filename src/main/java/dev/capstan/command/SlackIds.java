package dev.capstan.command;

import java.util.regex.Pattern;

/** The one rule for Slack user ids: {@code U} or {@code W}, then 2 to 31 of {@code [A-Z0-9]} (ids grow longer over time; 32 is what the database keeps). */
public final class SlackIds {
    public static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,31}");
    /** Channels, DMs and group DMs: {@code C}, {@code D} or {@code G}, then two or more of {@code [A-Z0-9]}. */
    public static final Pattern CHANNEL = Pattern.compile("[CDG][A-Z0-9]{2,}");

    private SlackIds() {
    }

    public static boolean isUser(String id) {
        return id != null && USER.matcher(id).matches();
    }

    public static boolean isChannel(String id) {
        return id != null && CHANNEL.matcher(id).matches();
    }
}
