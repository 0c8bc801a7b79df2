package dev.capstan.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits slash-command text like a shell, after undoing what Slack and autocorrecting keyboards do to it:
 * curly quotes count as straight ones, a leading em-dash is "--", {@code <@U1|bob>} becomes {@code U1},
 * and {@code &lt; &gt; &amp;} are decoded. A single quote opens a quoted string only at the start of a word
 * or after {@code =}, so that "don't" stays one word.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    /** The outcome of tokenising: the words, or why the text could not be split. */
    public record Result(List<String> tokens, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    public static Result tokenize(String text) {
        if (text == null) return new Result(List.of(), null);
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inToken = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                if (inToken) {
                    tokens.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
                i++;
                continue;
            }
            boolean atWordStart = !inToken;
            inToken = true;
            char normalised = straighten(c);
            if (normalised == '"' || (normalised == '\'' && (atWordStart || endsWith(current, '=')))) {
                int close = readQuoted(text, i + 1, normalised, current);
                if (close < 0) {
                    String which = normalised == '"' ? "double" : "single";
                    return new Result(List.of(), "Unbalanced " + which + " quote: the " + c + " at position " + (i + 1)
                            + " is never closed. Close it, or escape it with a backslash.");
                }
                i = close + 1;
            } else if (c == '\\') {
                if (i + 1 < n) {
                    current.append(text.charAt(i + 1));
                    i += 2;
                } else {
                    current.append('\\');
                    i++;
                }
            } else if (c == '<') {
                i = readSlackEscape(text, i, current);
            } else if (c == '&') {
                i = readEntity(text, i, current);
            } else if (atWordStart && (c == '\u2014' || c == '\u2013') && i + 1 < n && !isSpace(text.charAt(i + 1))) {
                current.append("--");
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        if (inToken) tokens.add(current.toString());
        return new Result(List.copyOf(tokens), null);
    }

    /** Quotes words so that {@link #tokenize} gives them back unchanged, as Slack would send them. */
    public static String quote(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (out.length() > 0) out.append(' ');
            out.append('"');
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                switch (c) {
                    case '"', '\\', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> out.append('\\').append(c);
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    default -> out.append(c);
                }
            }
            out.append('"');
        }
        return out.toString();
    }

    /** Reads up to the closing quote, appending the content; returns the index of the closing quote or -1. */
    private static int readQuoted(String text, int from, char quote, StringBuilder into) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (straighten(c) == quote) return i;
            if (quote == '"' && c == '\\' && i + 1 < text.length()) {
                into.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '<') {
                i = readSlackEscape(text, i, into);
            } else if (c == '&') {
                i = readEntity(text, i, into);
            } else {
                into.append(c);
                i++;
            }
        }
        return -1;
    }

    /** Slack sends mentions, channels, links and emails as {@code <target|label>}; keep the id or address. */
    private static int readSlackEscape(String text, int at, StringBuilder into) {
        int close = text.indexOf('>', at + 1);
        if (close < 0) {
            into.append('<');
            return at + 1;
        }
        String inner = text.substring(at + 1, close);
        int bar = inner.indexOf('|');
        String target = bar >= 0 ? inner.substring(0, bar) : inner;
        if (target.startsWith("@") || target.startsWith("#")) {
            into.append(target.substring(1));
        } else if (target.startsWith("mailto:")) {
            into.append(target.substring("mailto:".length()));
        } else if (target.startsWith("!")) {
            into.append(bar >= 0 ? inner.substring(bar + 1) : "@" + target.substring(1));
        } else {
            into.append(target);
        }
        return close + 1;
    }

    private static int readEntity(String text, int at, StringBuilder into) {
        for (String[] entity : ENTITIES) {
            if (text.startsWith(entity[0], at)) {
                into.append(entity[1]);
                return at + entity[0].length();
            }
        }
        into.append('&');
        return at + 1;
    }

    private static final String[][] ENTITIES = {{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};

    private static boolean endsWith(StringBuilder sb, char c) {
        return sb.length() > 0 && sb.charAt(sb.length() - 1) == c;
    }

    private static char straighten(char c) {
        return switch (c) {
            case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> '"';
            case '\u2018', '\u2019' -> '\'';
            default -> c;
        };
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F';
    }
}
