package dev.capstan.features.flush;

import java.util.List;
import java.util.Locale;

/**
 * Whether a host belongs to a site: the same host, or one below it ({@code nhs.uk} allows {@code www.nhs.uk}, never
 * {@code evilnhs.uk} nor {@code nhs.uk.evil.com}). Fixes the seed's plain suffix match.
 */
final class HostRule {
    private HostRule() {
    }

    static boolean allows(List<String> allowed, String host) {
        if (host == null) return false;
        String wanted = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        for (String base : allowed) {
            if (wanted.equals(base) || wanted.endsWith("." + base)) return true;
        }
        return false;
    }
}
