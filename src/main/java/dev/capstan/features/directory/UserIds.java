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
            String shown = InputChecks.visible(token);
            throw new UserError(":warning: `" + shown + "` is not a Slack user. " + (shown.startsWith("@") ? SlackIds.pickFromTheList(shown)
                    : "Mention them: type `@` and pick them from the list Slack offers."));
        }
        return token;
    }
}
