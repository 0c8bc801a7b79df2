package dev.capstan.features.commands;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {{variable}}} and {@code ${secret:NAME}} in it, parsed once at load. Rendering encodes each
 * variable's and secret's value for where the text lands and never re-reads a value as a template, so an argument
 * that looks like {@code ${secret:X}} or {@code {{y}}} stays the text it is.
 */
record Template(String source, List<Part> parts) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}|\\$\\{secret:([A-Z][A-Z0-9_]*)}");

    /** A piece of a template. */
    sealed interface Part { }

    /** Text written in the declaration. */
    record Literal(String text) implements Part { }

    /** {@code {{name}}}: an argument, {@code env.X}, {@code caller.*}, {@code job.*} or {@code response.*}. */
    record Variable(String name) implements Part { }

    /** {@code ${secret:NAME}}: resolved only when the request is sent. */
    record Secret(String name) implements Part { }

    Template {
        parts = List.copyOf(parts);
    }

    /** Parses a template; throws {@link IllegalArgumentException} for an unclosed or unreadable placeholder. */
    static Template parse(String source) {
        List<Part> parts = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(source);
        int at = 0;
        while (matcher.find()) {
            literal(source.substring(at, matcher.start()), parts);
            parts.add(matcher.group(1) != null ? new Variable(matcher.group(1)) : new Secret(matcher.group(2)));
            at = matcher.end();
        }
        literal(source.substring(at), parts);
        return new Template(source, parts);
    }

    private static void literal(String text, List<Part> parts) {
        if (text.isEmpty()) return;
        int open = text.indexOf("{{");
        if (open >= 0) throw new IllegalArgumentException("`" + text.substring(open) + "` is not a placeholder: write {{name}}");
        if (text.contains("${secret:")) throw new IllegalArgumentException("a secret is written ${secret:NAME}, with NAME in capitals");
        parts.add(new Literal(text));
    }

    Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        for (Part part : parts) if (part instanceof Variable v) names.add(v.name());
        return names;
    }

    Set<String> secrets() {
        Set<String> names = new LinkedHashSet<>();
        for (Part part : parts) if (part instanceof Secret s) names.add(s.name());
        return names;
    }

    /** The template is exactly one variable ({@code "{{count}}"}), so a JSON body can keep the argument's type. */
    boolean isSingleVariable() {
        return parts.size() == 1 && parts.get(0) instanceof Variable;
    }

    /** Renders with {@code values} (null renders as nothing) and {@code secrets}, each value passed through {@code encode}. */
    String render(Function<String, String> values, Function<String, String> secrets, UnaryOperator<String> encode) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) text.append(literal.text());
            else if (part instanceof Variable variable) text.append(encode.apply(nullToEmpty(values.apply(variable.name()))));
            else text.append(encode.apply(nullToEmpty(secrets.apply(((Secret) part).name()))));
        }
        return text.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
