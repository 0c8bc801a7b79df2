package dev.capstan.features.directory;

import dev.capstan.command.UserError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code project create} takes as GH_REPO: a repository's URL (as Slack links it or not), {@code owner/name}, or a name in the organisation. */
final class RepositoryNames {
    private static final Pattern URL = Pattern.compile("<?https?://[^/\\s|>]+/([^/\\s|>]+/[^/\\s|>]+?)(?:\\.git)?/?(?:\\|[^>]*)?>?");
    private static final Pattern FULL_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");

    private RepositoryNames() {
    }

    /** The repository as {@code owner/name}; a bare name belongs to {@code organization}. */
    static String parse(String given, String organization) {
        Matcher url = URL.matcher(given.trim());
        String name = url.matches() ? url.group(1) : given.trim().replaceFirst("\\.git$", "");
        if (!name.contains("/")) name = organization + "/" + name;
        if (!FULL_NAME.matcher(name).matches()) {
            throw new UserError(":warning: `" + InputChecks.visible(given) + "` is not a GitHub repository: give its URL "
                    + "(`https://github.com/" + organization + "/NAME`), `OWNER/NAME` or a name in " + organization + ". Nothing was changed.");
        }
        return name;
    }
}
