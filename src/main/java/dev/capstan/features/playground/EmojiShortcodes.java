package dev.capstan.features.playground;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.fellbaum.jemoji.Emoji;
import net.fellbaum.jemoji.EmojiManager;
import net.fellbaum.jemoji.Qualification;

/**
 * Slack's emoji shortcodes ({@code :package:}, {@code :wave::skin-tone-3:}) as the characters Slack shows, from jemoji's
 * data set, which carries Slack's own names for every emoji and its skin-tone variations.
 */
final class EmojiShortcodes {
    private static final Map<String, String> BY_CODE = load();
    /** Slack's skin tones 2 to 6 are the five Fitzpatrick modifiers, light to dark. */
    private static final String[] SKIN_TONES = {"\uD83C\uDFFB", "\uD83C\uDFFC", "\uD83C\uDFFD", "\uD83C\uDFFE", "\uD83C\uDFFF"};

    private EmojiShortcodes() {
    }

    /** The emoji for {@code name} (without colons), in skin tone 2 to 6 when {@code tone} is given; empty when Slack has no such name. */
    static Optional<String> emoji(String name, Integer tone) {
        if (tone != null) {
            String toned = BY_CODE.get(":" + name + "::skin-tone-" + tone + ":");
            if (toned != null) return Optional.of(toned);
        }
        String plain = BY_CODE.get(":" + name + ":");
        if (plain == null) return Optional.empty();
        return Optional.of(tone != null && tone >= 2 && tone <= 6 ? plain + SKIN_TONES[tone - 2] : plain);
    }

    /** Whether {@code :name:} is a shortcode Slack would turn into an emoji. */
    static boolean known(String name) {
        return BY_CODE.containsKey(":" + name + ":");
    }

    /** Of two emoji sharing a name, the one Slack shows: the fully qualified form (with its variation selector). */
    private static Emoji fullyQualified(Emoji kept, Emoji other) {
        return kept.getQualification() == Qualification.FULLY_QUALIFIED ? kept : other;
    }

    private static Map<String, String> load() {
        Map<String, Emoji> codes = new HashMap<>();
        for (Emoji emoji : EmojiManager.getAllEmojis()) {
            for (String alias : emoji.getSlackAliases()) codes.merge(alias, emoji, EmojiShortcodes::fullyQualified);
        }
        Map<String, String> characters = new HashMap<>();
        codes.forEach((alias, emoji) -> characters.put(alias, emoji.getEmoji()));
        return Map.copyOf(characters);
    }
}
