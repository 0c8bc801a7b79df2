package dev.capstan.features.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CircleCI refuses a pipeline whose parameters its {@code .circleci/config.yml} does not declare (HTTP 400 "Unexpected
 * argument(s): capstan_sha"); this turns that into the lines to add there, typed after the values Capstan sends.
 */
final class CircleCiParameters {
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected argument\\(s\\):\\s*(.+)", Pattern.DOTALL);
    private static final int MAX_NAMED = 8;

    private CircleCiParameters() {
    }

    /** What to tell the person when {@code message} is CircleCI's refusal of undeclared parameters; null when it is another refusal. */
    static String missing(String message, Map<String, Object> sent) {
        Matcher matcher = UNEXPECTED.matcher(message == null ? "" : message);
        if (!matcher.find()) return null;
        List<String> names = new ArrayList<>(Arrays.stream(matcher.group(1).split(","))
                .map(String::trim).filter(n -> n.matches("[A-Za-z0-9_-]{1,100}")).toList());
        if (names.isEmpty()) return null;
        if (names.size() > MAX_NAMED) names = names.subList(0, MAX_NAMED);
        StringBuilder yaml = new StringBuilder("parameters:\n");
        for (String name : names) yaml.append("  ").append(name).append(": ").append(declaration(sent.get(name))).append('\n');
        return "CircleCI does not know the pipeline parameter" + (names.size() == 1 ? " " : "s ") + String.join(", ", names.stream()
                .map(n -> "`" + n + "`").toList()) + ". Declare " + (names.size() == 1 ? "it" : "them") + " at the top level of the "
                + "repository's `.circleci/config.yml` (next to `version: 2.1`) and deploy again:\n```\n" + yaml + "```";
    }

    /** A pipeline parameter declaration whose type takes the value Capstan sends. */
    private static String declaration(Object value) {
        if (value instanceof Number) return "{ type: integer, default: 0 }";
        if (value instanceof Boolean) return "{ type: boolean, default: false }";
        return "{ type: string, default: \"\" }";
    }
}
