package dev.capstan.features.directory;

import dev.capstan.command.SlackIds;
import dev.capstan.command.UserError;

/** Slack user ids as commands receive them (the tokenizer already unwrapped {@code <@U…|name>}). */
final class UserIds {
    private UserIds() {
    }

    static boolean looksLikeUser(String token) {
        return SlackIds.isUser(token);
    }

    static String require(String token) {
        if (!looksLikeUser(token)) {
            throw new UserError(":warning: `" + InputChecks.visible(token) + "` is not a Slack user. Mention them, e.g. `@alice`.");
        }
        return token;
    }
}
