package dev.capstan.features.deploy;

import java.util.Locale;
import java.util.Map;

/** A channel's repository and its environment-URL settings (the seed's basedomain, urlseparator, urlpattern and url map). */
record Binding(String channelId, String repository, String baseDomain, String urlSeparator, String urlPattern,
               Map<String, String> urls) {
    static final String DEFAULT_PATTERN = "https://{environment}{urlseparator}{basedomain}/";
    static final String DEFAULT_SEPARATOR = ".";

    Binding {
        urls = Map.copyOf(urls);
    }

    static String key(String repository) {
        return repository.trim().toLowerCase(Locale.ROOT);
    }

    String key() {
        return key(repository);
    }

    String owner() {
        return repository.substring(0, repository.indexOf('/'));
    }

    String name() {
        return repository.substring(repository.indexOf('/') + 1);
    }

    /** The environment's URL: its own host if set, else the pattern with the base domain, else none. */
    String environmentUrl(String environment) {
        String host = urls.get(environment);
        if (host != null) return "https://" + host;
        if (baseDomain == null) return null;
        return (urlPattern == null ? DEFAULT_PATTERN : urlPattern).replace("{environment}", environment)
                .replace("{urlseparator}", urlSeparator == null ? DEFAULT_SEPARATOR : urlSeparator)
                .replace("{basedomain}", baseDomain);
    }
}
