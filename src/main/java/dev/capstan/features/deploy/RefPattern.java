package dev.capstan.features.deploy;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One allowed-refs pattern of an environment: a plain pattern matches branch names, {@code tags/…} tag names and
 * {@code refs/…} whole refs. A glob's {@code *} also matches {@code /} (so {@code release*} matches {@code release/1.2});
 * a pattern between slashes ({@code /^v[0-9]+$/}) is a regular expression.
 */
record RefPattern(GitRef.RefType kind, String text, Pattern regex) {

    static RefPattern parse(String written) {
        if (written == null || written.isBlank()) throw new IllegalArgumentException("a ref pattern cannot be empty");
        String text = written.trim();
        GitRef.RefType kind = GitRef.RefType.BRANCH;
        String body = text;
        if (text.startsWith("tags/")) {
            kind = GitRef.RefType.TAG;
            body = text.substring("tags/".length());
        } else if (text.startsWith("refs/")) {
            kind = GitRef.RefType.OTHER;
        }
        if (body.isEmpty()) throw new IllegalArgumentException("`" + text + "` names no branch or tag");
        try {
            Pattern regex = body.length() > 2 && body.startsWith("/") && body.endsWith("/")
                    ? Pattern.compile(body.substring(1, body.length() - 1)) : Pattern.compile(globToRegex(body));
            return new RefPattern(kind, text, regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("`" + text + "` is not a valid pattern: " + e.getDescription());
        }
    }

    boolean matches(GitRef ref) {
        return ref.kind() == kind && regex.matcher(ref.name()).matches();
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
                int end = glob.indexOf(']', i + 2);
                String inside = glob.substring(i + 1, end);
                regex.append('[').append(inside.startsWith("!") ? "^" + inside.substring(1) : inside).append(']');
                i = end;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
