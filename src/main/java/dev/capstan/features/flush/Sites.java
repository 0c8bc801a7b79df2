package dev.capstan.features.flush;

import java.util.List;
import java.util.Optional;

/** The configured sites, in configuration order. */
final class Sites {
    private final List<Site> all;

    Sites(FlushSettings settings) {
        this.all = settings.sites().entrySet().stream().map(e -> new Site(e.getKey(), e.getValue())).toList();
    }

    List<Site> all() {
        return all;
    }

    Optional<Site> find(String name) {
        return all.stream().filter(site -> site.name().equalsIgnoreCase(name == null ? "" : name.trim())).findFirst();
    }

    List<String> names() {
        return all.stream().map(Site::name).toList();
    }
}
