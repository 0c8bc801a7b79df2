package dev.capstan.features.commands;

import java.nio.charset.StandardCharsets;

/** Percent-encoding for where a value lands in a URL or form: everything but RFC 3986's unreserved characters is encoded. */
final class Encoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Encoding() {
    }

    /** For a path segment, a query name or value, or a form field: '/', '?', '&amp;', '=', '#', '%' and '+' are all encoded. */
    static String component(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** Slack's mrkdwn escaping for a value shown in a reply: &amp;, &lt; and &gt; only. */
    static String mrkdwn(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
