package dev.capstan.security;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Every secret value Capstan was given, so that none is ever written out: log lines (through {@link MaskingConverter}),
 * errors, audit entries and replies pass through {@link #mask}. Values shorter than 6 characters are not masked: they
 * would blank out ordinary words and are no secrets anyway.
 */
public final class SecretMask {
    static final String HIDDEN = "•••";
    private static final int SHORTEST = 6;
    private static final Set<String> VALUES = new CopyOnWriteArraySet<>();

    private SecretMask() {
    }

    /** Adds values (the ones a family or the platform declared as secrets) to the set masked everywhere. */
    public static void add(String value) {
        if (value != null && value.length() >= SHORTEST) VALUES.add(value);
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty() || VALUES.isEmpty()) return text;
        String masked = text;
        List<String> longestFirst = VALUES.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String value : longestFirst) {
            if (masked.contains(value)) masked = masked.replace(value, HIDDEN);
        }
        return masked;
    }
}
