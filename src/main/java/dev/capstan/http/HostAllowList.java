package dev.capstan.http;

import java.util.List;
import java.util.Locale;

/**
 * Hosts a client may call: an exact host, or {@code *.example.com} for any host below example.com (never
 * {@code example.com.evil.org} or {@code badexample.com}). An empty list allows nothing.
 */
public record HostAllowList(List<String> hosts) {
    public HostAllowList {
        hosts = hosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    public static HostAllowList of(String... hosts) {
        return new HostAllowList(List.of(hosts));
    }

    public boolean allows(String host) {
        if (host == null) return false;
        String wanted = host.toLowerCase(Locale.ROOT);
        for (String allowed : hosts) {
            if (allowed.startsWith("*.")) {
                if (wanted.endsWith(allowed.substring(1))) return true;
            } else if (allowed.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
