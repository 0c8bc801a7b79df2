package dev.capstan.features.playground;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's mrkdwn as HTML, by Slack's "Formatting text for app surfaces": code spans and blocks are literal; bold,
 * italic and strikethrough apply only at word boundaries and within one line; {@code <…>} holds links, mentions,
 * channels, special mentions and dates; {@code &amp; &lt; &gt;} are the only escapes; {@code :shortcodes:} are emoji.
 */
final class Mrkdwn {
    /** What the viewer's workspace calls people and channels, by id. */
    interface Names {
        Optional<String> person(String id);

        Optional<String> channel(String id);
    }

    private static final Pattern CODE = Pattern.compile("```([\\s\\S]*?)```|`([^`\\n]+)`");
    private static final Pattern CONTROL = Pattern.compile("<([^<>\\n]+)>");
    private static final Pattern BARE_URL = Pattern.compile("\\bhttps?://[^\\s<>\"]*[^\\s<>\".,;:!?)\\]'`]");
    private static final Pattern EMOJI = Pattern.compile(":([a-z0-9_+'\\-]+):(?::skin-tone-([2-6]):)?");
    private static final Pattern LINKABLE = Pattern.compile("(?i)(https?|mailto|tel):.+");
    private static final Pattern PRIVATE_USE = Pattern.compile("[\\uE000-\\uF8FF]");
    /** Each rendered piece (code, link, mention, emoji) stands in the text as one private-use character until the end. */
    private static final char FIRST_ATOM = '\uE000';
    private static final int MAX_ATOMS = 0x1000;
    /** Bold, italic and strikethrough: their marker and the tag it becomes; opening and closing stand-ins follow the atoms. */
    private static final String[][] STYLES = {{"*", "b"}, {"_", "i"}, {"~", "s"}};
    private static final char FIRST_STYLE = '\uF000';

    private final Names names;
    private final SlackDates dates;

    Mrkdwn(Names names, SlackDates dates) {
        this.names = names;
        this.dates = dates;
    }

    /** A {@code mrkdwn} text object or a message's text as Slack shows it. */
    String html(String text) {
        if (text == null || text.isEmpty()) return "";
        List<String> atoms = new ArrayList<>();
        String s = PRIVATE_USE.matcher(text).replaceAll("\uFFFD");
        s = atomise(CODE, s, atoms, m -> m.group(1) != null
                ? "<pre>" + literal(m.group(1).replaceFirst("^\\n", "").replaceFirst("\\n$", "")) + "</pre>"
                : "<code>" + literal(m.group(2)) + "</code>");
        s = atomise(CONTROL, s, atoms, m -> control(m.group(1)));
        s = atomise(BARE_URL, s, atoms, m -> link(m.group(), null));
        s = atomise(EMOJI, s, atoms, m -> EmojiShortcodes.emoji(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)))
                .map(e -> "<span class=\"emoji\" title=\":" + escape(m.group(1)) + ":\">" + e + "</span>").orElse(null));
        for (int i = 0; i < STYLES.length; i++) s = styled(s, STYLES[i][0], i);
        String html = escape(unescape(s));
        for (int i = 0; i < STYLES.length; i++) {
            html = html.replace(String.valueOf((char) (FIRST_STYLE + 2 * i)), "<" + STYLES[i][1] + ">")
                    .replace(String.valueOf((char) (FIRST_STYLE + 2 * i + 1)), "</" + STYLES[i][1] + ">");
        }
        return restore(lines(html), atoms).replace("</pre><br>", "</pre>");
    }

    /** A {@code plain_text} object: shown as typed, with emoji shortcodes turned into emoji unless {@code emoji} is false. */
    String plain(String text, boolean emoji) {
        if (text == null) return "";
        if (!emoji) return escape(text);
        List<String> atoms = new ArrayList<>();
        String s = atomise(EMOJI, PRIVATE_USE.matcher(text).replaceAll("\uFFFD"), atoms, m -> EmojiShortcodes
                .emoji(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2))).orElse(null));
        return restore(escape(s), atoms);
    }

    /** Text where nothing is formatted but Slack's {@code <…>} sequences and escapes still apply: code, and what a person typed. */
    String literal(String text) {
        List<String> atoms = new ArrayList<>();
        String s = atomise(CONTROL, PRIVATE_USE.matcher(text).replaceAll("\uFFFD"), atoms, m -> control(m.group(1)));
        return restore(escape(unescape(s)), atoms);
    }

    private static String atomise(Pattern pattern, String text, List<String> atoms, Function<Matcher, String> render) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String html = atoms.size() < MAX_ATOMS ? render.apply(m) : null;
            if (html == null) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) (FIRST_ATOM + atoms.size()))));
                atoms.add(html);
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String restore(String html, List<String> atoms) {
        StringBuilder out = new StringBuilder(html.length());
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            int atom = c - FIRST_ATOM;
            out.append(atom >= 0 && atom < atoms.size() ? atoms.get(atom) : String.valueOf(c));
        }
        return out.toString();
    }

    /** Marks {@code *bold*} (or _, ~) where Slack applies it: after no letter or digit, before none, on one line, not padded with spaces. */
    private static String styled(String text, String marker, int index) {
        String q = Pattern.quote(marker);
        String inClass = "\\" + marker;
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}" + inClass + "])" + q + "([^\\s" + inClass + "](?:[^\\n" + inClass
                + "]*?[^\\s" + inClass + "])?)" + q + "(?![\\p{L}\\p{N}" + inClass + "])");
        String open = String.valueOf((char) (FIRST_STYLE + 2 * index));
        String close = String.valueOf((char) (FIRST_STYLE + 2 * index + 1));
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(open + m.group(1) + close));
    }

    /** Line breaks as {@code <br>}; a line starting with {@code >} is a quote. */
    private static String lines(String html) {
        String[] lines = html.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("&gt;")) {
                out.append("<blockquote>").append(line.substring(4).replaceFirst("^ ", "")).append("</blockquote>");
            } else {
                out.append(line);
                if (i < lines.length - 1) out.append("<br>");
            }
        }
        return out.toString();
    }

    /** The HTML for what sits between {@code <} and {@code >}, or null when Slack would show it as typed. */
    private String control(String inner) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 || bar == inner.length() - 1 ? null : inner.substring(bar + 1);
        if (target.startsWith("@") && target.length() > 1) {
            String id = target.substring(1);
            return mention("@" + names.person(id).orElse(label != null ? label : id));
        }
        if (target.startsWith("#") && target.length() > 1) {
            String id = target.substring(1);
            return mention("#" + names.channel(id).orElse(label != null ? label : id));
        }
        if (target.startsWith("!")) return special(target.substring(1), label);
        if (LINKABLE.matcher(target).matches()) return link(target, label);
        return null;
    }

    private String special(String command, String label) {
        if (command.equals("here") || command.equals("channel") || command.equals("everyone")) return mention("@" + command);
        if (command.startsWith("subteam^")) {
            String handle = label != null ? label : command.substring("subteam^".length());
            return mention(handle.startsWith("@") ? handle : "@" + handle);
        }
        if (command.startsWith("date^")) return date(command.split("\\^", 4), label);
        return label == null ? null : escape(unescape(label));
    }

    /** {@code date^ts^format} or {@code date^ts^format^link}: the date in the viewer's zone, or the fallback when it makes no sense. */
    private String date(String[] parts, String fallback) {
        long seconds;
        try {
            seconds = Long.parseLong(parts.length > 1 ? parts[1] : "");
        } catch (NumberFormatException e) {
            return fallback == null ? null : escape(unescape(fallback));
        }
        String text = escape(unescape(dates.format(seconds, parts.length > 2 ? parts[2] : "{date}")));
        String shown = "<time datetime=\"" + java.time.Instant.ofEpochSecond(seconds) + "\""
                + (fallback == null ? "" : " title=\"" + escape(unescape(fallback)) + "\"") + ">" + text + "</time>";
        return parts.length > 3 && LINKABLE.matcher(parts[3]).matches() ? anchor(parts[3], shown) : shown;
    }

    private static String link(String url, String label) {
        return anchor(url, escape(unescape(label == null ? url : label)));
    }

    private static String anchor(String url, String html) {
        return "<a href=\"" + escape(unescape(url)) + "\" target=\"_blank\" rel=\"noopener\">" + html + "</a>";
    }

    private static String mention(String text) {
        return "<span class=\"mention\">" + escape(unescape(text)) + "</span>";
    }

    /** Slack's three escapes, undone. */
    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
