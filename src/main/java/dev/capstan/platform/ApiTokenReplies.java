package dev.capstan.platform;

import dev.capstan.command.Reply;
import dev.capstan.command.UserError;
import dev.capstan.store.ApiTokens;
import java.util.List;
import java.util.regex.Pattern;

/** What every family's REST API token commands answer, so create, list and revoke read and check names the same everywhere. */
public final class ApiTokenReplies {
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private ApiTokenReplies() {
    }

    /** Creates the token and shows its secret once; {@code usedOn} says where it goes, e.g. {@code /api/timereport/…}. */
    public static Reply create(ApiTokens tokens, String name, String userId, String usedOn) {
        String secret = tokens.create(checkedName(name), userId).orElseThrow(() ->
                new UserError("A token named `" + name + "` exists already; revoke it first or pick another name."));
        return Reply.text(":key: Token `" + name + "` created. Copy it now; it is not stored and will not be shown again:\n`"
                + secret + "`\nUse it as `Authorization: Bearer <token>` on " + usedOn + ".");
    }

    /** The tokens' names under {@code title}, or {@code none} when there are none. */
    public static Reply list(ApiTokens tokens, String title, String none) {
        List<ApiTokens.TokenInfo> all = tokens.list();
        if (all.isEmpty()) return Reply.text(none);
        return Reply.text("*" + title + "*\n" + String.join("\n", all.stream().map(t -> "• `" + t.name()
                + "` created by <@" + t.createdBy() + "> at " + t.createdAt()).toList()));
    }

    public static Reply revoke(ApiTokens tokens, String name) {
        if (!tokens.revoke(checkedName(name))) throw new UserError("There is no token named `" + name + "`; `token list` shows them.");
        return Reply.text("Token `" + name + "` is revoked; requests with it are refused from now on.");
    }

    private static String checkedName(String name) {
        if (!name.matches("[A-Za-z0-9._-]{1,24}")) {
            throw new UserError("A token name is 1 to 24 letters, digits, dots, dashes or underscores; `"
                    + CONTROL.matcher(name).replaceAll(c -> String.format("\\\\u%04x", (int) c.group().charAt(0))) + "` is not.");
        }
        return name;
    }
}
