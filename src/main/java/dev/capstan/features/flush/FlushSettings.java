package dev.capstan.features.flush;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The family's configuration ({@code families.flush}): the sites, an optional allow-list CSV in the seed's format
 * (relative to the YAML file), and overrides of the shared rate budgets (bucket name → burst, per second).
 */
record FlushSettings(String allowedUsersCsv, Map<String, SiteSettings> sites, Map<String, RateLimit> rateLimits) {
    FlushSettings {
        allowedUsersCsv = allowedUsersCsv == null || allowedUsersCsv.isBlank() ? null : allowedUsersCsv.trim();
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
        for (String bucket : rateLimits.keySet()) {
            if (!RateBuckets.DEFAULTS.containsKey(bucket)) {
                throw new IllegalArgumentException("rate_limits: `" + bucket + "` is no rate bucket; they are "
                        + String.join(", ", RateBuckets.DEFAULTS.keySet()));
            }
        }
    }
}
