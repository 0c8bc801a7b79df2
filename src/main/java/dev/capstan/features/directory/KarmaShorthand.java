package dev.capstan.features.directory;

import java.util.List;
import java.util.Optional;

/**
 * {@code /capstan @someone ++} (with or without a space before ++) means {@code karma give @someone}; so does a name
 * Slack sent as plain text, which {@code karma give} then explains how to mention.
 */
final class KarmaShorthand {
    private KarmaShorthand() {
    }

    static Optional<List<String>> rewrite(List<String> tokens) {
        if (tokens.size() == 2 && tokens.get(1).equals("++") && (UserIds.looksLikeUser(tokens.get(0)) || tokens.get(0).startsWith("@"))) {
            return Optional.of(List.of("karma", "give", tokens.get(0)));
        }
        if (tokens.size() == 1 && tokens.get(0).endsWith("++")) {
            String user = tokens.get(0).substring(0, tokens.get(0).length() - 2);
            if (UserIds.looksLikeUser(user) || (user.startsWith("@") && user.length() > 1)) return Optional.of(List.of("karma", "give", user));
        }
        return Optional.empty();
    }
}
