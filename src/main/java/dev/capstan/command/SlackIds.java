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

    /**
     * What to tell someone whose {@code @name} or {@code #name} reached Capstan as plain text: Slack sends a person or a
     * channel (as {@code <@U…|name>}) only when it was picked from the list Slack offers while typing.
     */
    public static String pickFromTheList(String typed) {
        boolean channel = typed != null && typed.startsWith("#");
        return "Slack sent `" + typed + "` as plain text: type `" + (channel ? "#" : "@") + "` and pick the "
                + (channel ? "channel" : "person") + " from the list Slack offers, so Slack sends " + (channel ? "the channel" : "who they are")
                + " (or give the id, " + (channel ? "C…" : "U…") + ").";
    }

    public static boolean isChannel(String id) {
        return id != null && CHANNEL.matcher(id).matches();
    }
}
