package dev.capstan.features.flush;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The family's configuration ({@code families.flush}): the sites, an optional allow-list CSV in the seed's format (a
 * file relative to the YAML file, or an {@code https://} address fetched every {@code allowed_users_every}), and
 * overrides of the shared rate budgets (bucket name → burst, per second).
 */
record FlushSettings(String allowedUsersCsv, Duration allowedUsersEvery, Map<String, SiteSettings> sites, Map<String, RateLimit> rateLimits) {
    static final Duration DEFAULT_EVERY = Duration.ofMinutes(5);

    FlushSettings {
        allowedUsersCsv = allowedUsersCsv == null || allowedUsersCsv.isBlank() ? null : allowedUsersCsv.trim();
        if (allowedUsersCsv != null && allowedUsersCsv.startsWith("http://") && !local(allowedUsersCsv)) {
            throw new IllegalArgumentException("allowed_users_csv must be https:// (http:// only on localhost), not `" + allowedUsersCsv + "`");
        }
        if (remote(allowedUsersCsv)) new SecretUrl(allowedUsersCsv);
        allowedUsersEvery = allowedUsersEvery == null ? DEFAULT_EVERY : allowedUsersEvery;
        if (allowedUsersEvery.compareTo(Duration.ofMillis(50)) < 0) throw new IllegalArgumentException("allowed_users_every must be 50ms or more");
        Map<String, SiteSettings> kept = new LinkedHashMap<>();
        (sites == null ? Map.<String, SiteSettings>of() : sites).forEach((name, site) -> {
            if (!name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException("sites: `" + name + "` must be lower-case letters, digits and dashes (at most 40)");
            }
            if (site == null) throw new IllegalArgumentException("sites." + name + ": needs a provider");
            kept.put(name, site);
        });
        sites = Collections.unmodifiableMap(kept);
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
        if (allowedUsersCsv != null && !remote(allowedUsersCsv) && allowedUsersCsv.contains("${")) {
            throw new IllegalArgumentException("allowed_users_csv: a ${secret:…} belongs in an https:// address, not a file name");
        }
        for (String bucket : rateLimits.keySet()) {
            if (!RateBuckets.DEFAULTS.containsKey(bucket)) {
                throw new IllegalArgumentException("rate_limits: `" + bucket + "` is no rate bucket; they are "
                        + String.join(", ", RateBuckets.DEFAULTS.keySet()));
            }
        }
    }

    /** Fetched over HTTP(S) rather than read from a file. */
    static boolean remote(String allowedUsersCsv) {
        return allowedUsersCsv != null && (allowedUsersCsv.startsWith("https://") || allowedUsersCsv.startsWith("http://"));
    }

    private static boolean local(String url) {
        String host = URI.create(SecretUrl.SECRET.matcher(url).replaceAll("s")).getHost();
        return "localhost".equals(host) || "127.0.0.1".equals(host);
    }
}
