package dev.capstan.features.flush;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The providers' published rate limits as token buckets, shared by every replica through the database: Akamai's
 * account-wide request and object buckets (techdocs "Rate limiting"), Cloudflare's per-account purge limits (Free
 * plan by default), Fastly's hourly limit on purge-all and a courteous pace for its unlimited URL and key purges, and for a team's own
 * flush service.
 */
final class RateBuckets {
    static final Map<String, RateLimit> DEFAULTS = defaults();

    private final Map<String, RateLimit> configured;

    RateBuckets(Map<String, RateLimit> overrides) {
        Map<String, RateLimit> all = new LinkedHashMap<>(DEFAULTS);
        all.putAll(overrides);
        this.configured = Collections.unmodifiableMap(all);
    }

    RateLimit limit(String bucket) {
        RateLimit limit = configured.get(bucket);
        if (limit == null) throw new IllegalArgumentException("No rate bucket " + bucket);
        return limit;
    }

    private static Map<String, RateLimit> defaults() {
        Map<String, RateLimit> buckets = new LinkedHashMap<>();
        buckets.put("akamai.requests", new RateLimit(100.0, 50.0));
        buckets.put("akamai.urls", new RateLimit(10_000.0, 200.0));
        buckets.put("akamai.tags", new RateLimit(5_000.0, 500.0 / 60));
        buckets.put("akamai.cpcodes", new RateLimit(300.0, 30.0 / 60));
        buckets.put("fastly.requests", new RateLimit(100.0, 25.0));
        buckets.put("fastly.purge_all", new RateLimit(1_000.0, 1_000.0 / 3600));
        buckets.put("cloudflare.requests", new RateLimit(25.0, 5.0 / 60));
        buckets.put("cloudflare.urls", new RateLimit(800.0, 800.0));
        buckets.put("http.requests", new RateLimit(20.0, 5.0));
        buckets.put("fake.requests", new RateLimit(100.0, 10.0));
        return Collections.unmodifiableMap(buckets);
    }
}
