package dev.capstan.features.flush;

import java.util.Map;

/** The adapter for each CDN. */
record Providers(Map<Cdn, PurgeProvider> byCdn) {
    Providers {
        byCdn = Map.copyOf(byCdn);
    }

    PurgeProvider of(Site site) {
        return byCdn.get(site.cdn());
    }
}
