package dev.capstan.features.directory;

import dev.capstan.command.UserError;
import java.util.regex.Pattern;

/** Slack user ids as commands receive them (the tokenizer already unwrapped {@code <@U…|name>}). */
final class UserIds {
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{5,31}");

    private UserIds() {
    }

    static boolean looksLikeUser(String token) {
        return token != null && USER_ID.matcher(token).matches();
    }

    static String require(String token) {
        if (!looksLikeUser(token)) {
            throw new UserError(":warning: `" + InputChecks.visible(token) + "` is not a Slack user. Mention them, e.g. `@alice`.");
        }
        return token;
    }
}
