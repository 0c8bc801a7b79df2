package dev.capstan.security;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Stream;

/**
 * The secret values one Capstan was given, so that none is ever written out: errors, audit entries and replies pass
 * through {@link #mask}, and every log line (through {@link MaskingConverter}) while the mask is {@linkplain #inLogs in
 * the log}. Values shorter than 6 characters are not masked: they would blank out ordinary words and are no secrets anyway.
 */
public final class SecretMask {
    static final String HIDDEN = "•••";
    private static final int SHORTEST = 6;
    /** The masks of the running Capstans: Logback builds its converters itself, so they find the masks here. */
    private static final Set<SecretMask> IN_LOGS = new CopyOnWriteArraySet<>();

    private final Set<String> values = new CopyOnWriteArraySet<>();

    /** Adds a value (one a family or the platform declared as a secret, or a form of it a server may echo back). */
    public void add(String value) {
        if (value != null && value.length() >= SHORTEST) values.add(value);
    }

    public String mask(String text) {
        return mask(text, values.stream());
    }

    /** Masks this mask's values in every log line too, until {@link #leaveLogs}. */
    public SecretMask inLogs() {
        IN_LOGS.add(this);
        return this;
    }

    /** Stops masking in the log (Capstan closed); other running Capstans' masks stay. */
    public void leaveLogs() {
        IN_LOGS.remove(this);
    }

    /** A log line with the values of every mask in the log masked. */
    static String maskLogLine(String text) {
        return mask(text, IN_LOGS.stream().flatMap(mask -> mask.values.stream()));
    }

    private static String mask(String text, Stream<String> secrets) {
        if (text == null || text.isEmpty()) return text;
        List<String> longestFirst = secrets.distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        String masked = text;
        for (String value : longestFirst) {
            if (masked.contains(value)) masked = masked.replace(value, HIDDEN);
        }
        return masked;
    }
}
