package dev.capstan.features.directory;

import dev.capstan.command.UserError;
import java.util.regex.Pattern;

/**
 * What the directory accepts of people's typing before storing or looking it up: at most as many characters as the
 * column holds (see the migrations), and no control characters, which PostgreSQL partly refuses and Slack shows badly.
 */
final class InputChecks {
    static final int NAME = 200;
    static final int EMAIL = 320;
    static final int BIO = 2000;
    static final int TEAM_NAME = 100;
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern GITHUB_LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");

    private InputChecks() {
    }

    /** One line of free text, e.g. a name; null (not given) passes. */
    static void line(String option, String value, int max) {
        if (value != null && (value.length() > max || hasControl(value, false))) {
            throw new UserError(":warning: `" + option + "` takes at most " + max + " characters on one line, without control "
                    + "characters; nothing was changed.");
        }
    }

    /** Free text that may run over several lines, e.g. a bio; null (not given) passes. */
    static void text(String option, String value, int max) {
        if (value != null && (value.length() > max || hasControl(value, true))) {
            throw new UserError(":warning: `" + option + "` takes at most " + max + " characters, without control characters "
                    + "other than line breaks and tabs; nothing was changed.");
        }
    }

    /** An email address to store or look up; "" (clearing it) passes. */
    static void email(String value) {
        if (value != null && !value.isEmpty() && !isEmail(value)) {
            throw new UserError(":warning: `" + visible(value) + "` is not an email address (at most " + EMAIL
                    + " characters, like `ada@example.com`); nothing was changed.");
        }
    }

    static boolean isEmail(String value) {
        return value.length() <= EMAIL && !hasControl(value, false) && EMAIL_ADDRESS.matcher(value).matches();
    }

    /**
     * One line of text from elsewhere (Slack's profile) as a column of {@code max} characters holds it: null when it holds
     * a control character, else cut to {@code max} characters, never in the middle of a surrogate pair.
     */
    static String fitLine(String value, int max) {
        if (value == null || hasControl(value, false)) return null;
        if (value.length() <= max) return value;
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    /** A GitHub login to link or look up, as GitHub allows them; "" (unlinking) passes. */
    static void githubLogin(String value) {
        if (value != null && !value.isEmpty() && !GITHUB_LOGIN.matcher(value).matches()) {
            throw new UserError(":warning: `" + visible(value) + "` is not a GitHub login (letters, digits and single hyphens "
                    + "between them, at most 39 characters); nothing was changed.");
        }
    }

    /** A team's details, as {@code team create} and {@code team edit} take them; null (not given) passes. */
    static void teamDetails(String displayName, String platform, String folder) {
        line("--name", displayName, NAME);
        line("--platform", platform, NAME);
        line("--folder", folder, NAME);
    }

    /** A team's name as it is looked up: nothing longer than the column or with control characters can be one. */
    static boolean couldBeTeamName(String value) {
        return value.length() <= TEAM_NAME && !hasControl(value, false);
    }

    static boolean hasControl(String value, boolean lineBreaksAndTabs) {
        return value.chars().anyMatch(c -> Character.isISOControl(c) && !(lineBreaksAndTabs && (c == '\n' || c == '\t' || c == '\r')));
    }

    /** The value as a reply can quote it: control characters written as their escapes, at most 100 characters. */
    static String visible(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(100).forEach(c -> shown.append(Character.isISOControl(c)
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return shown + (value.codePointCount(0, value.length()) > 100 ? "…" : "");
    }
}
