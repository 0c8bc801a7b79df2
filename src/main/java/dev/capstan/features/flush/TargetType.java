package dev.capstan.features.flush;

import java.util.Locale;

/** What a purge names: URLs, cache tags, hosts or URL prefixes (Cloudflare), CP codes (Akamai), or all of a site. */
enum TargetType {
    URL("URLs", "URL"), TAG("cache tags", "cache tag"), HOST("hosts", "host"), PREFIX("URL prefixes", "URL prefix"),
    CPCODE("CP codes", "CP code"), EVERYTHING("everything", "everything");

    private final String plural;
    private final String singular;

    TargetType(String plural, String singular) {
        this.plural = plural;
        this.singular = singular;
    }

    /** Empties a whole CP code, service or zone: admins only, after a confirmation. */
    boolean whole() {
        return this == CPCODE || this == EVERYTHING;
    }

    /** The word in configuration, commands and forms: "url", "tag", … */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "3 URLs", "1 cache tag". */
    String count(int n) {
        return n + " " + (n == 1 ? singular : plural);
    }

    String singular() {
        return singular;
    }

    String plural() {
        return plural;
    }

    static TargetType parse(String text) {
        for (TargetType kind : values()) {
            if (kind.id().equalsIgnoreCase(text == null ? "" : text.trim())) return kind;
        }
        return null;
    }
}
