package dev.capstan.command;

import java.util.List;

/** What a command answers, independent of Slack: text plus optional blocks, shown to the caller only or to the channel. */
public record Reply(String text, List<Block> blocks, Visibility visibility, boolean replaceOriginal) {

    public enum Visibility { EPHEMERAL, IN_CHANNEL }

    public Reply {
        text = text == null ? "" : text;
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        visibility = visibility == null ? Visibility.EPHEMERAL : visibility;
    }

    public static Reply text(String text) {
        return new Reply(text, List.of(), Visibility.EPHEMERAL, false);
    }

    public static Reply blocks(String fallbackText, List<Block> blocks) {
        return new Reply(fallbackText, blocks, Visibility.EPHEMERAL, false);
    }

    public Reply inChannel() {
        return new Reply(text, blocks, Visibility.IN_CHANNEL, replaceOriginal);
    }

    public Reply replacingOriginal() {
        return new Reply(text, blocks, visibility, true);
    }
}
