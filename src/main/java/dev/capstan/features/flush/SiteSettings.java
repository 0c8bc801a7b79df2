package dev.capstan.features.flush;

import dev.capstan.command.SlackChannelId;
import dev.capstan.http.HttpUrl;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One site ({@code families.flush.sites.<name>}): its CDN and scope there (Akamai network, Fastly services, Cloudflare
 * zone; or the team's own flush service, {@code http}), the hosts, kinds and modes it may purge, where results are audited, and its per-request limits.
 */
record SiteSettings(Cdn provider, String network, List<String> services, String zone, List<String> hosts,
                    List<TargetType> kinds, List<Mode> modes, SlackChannelId auditChannel, Integer filesPerCall, Integer maxTargets,
                    HttpUrl apiUrl, SecretUrl http) {
    static final int DEFAULT_MAX_TARGETS = 500;
    static final int MOST_TARGETS = 2000;
    static final int DEFAULT_FILES_PER_CALL = 30;
    private static final Pattern HOSTNAME = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern PROVIDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    SiteSettings {
        if (provider == null) throw new IllegalArgumentException("provider must be one of akamai, fastly, cloudflare, http, fake");
        if (provider == Cdn.HTTP && http == null) throw new IllegalArgumentException("http must give the url of your flush service: http: { url: … }");
        if (provider != Cdn.HTTP && http != null) throw new IllegalArgumentException("http is for sites with provider: http only");
        if (provider == Cdn.HTTP && apiUrl != null) throw new IllegalArgumentException("api_url is not for provider: http; give http.url");
        network = checkNetwork(provider, network);
        services = services == null ? List.of() : List.copyOf(services);
        kinds = kinds == null || kinds.isEmpty() ? List.of(TargetType.URL) : List.copyOf(EnumSet.copyOf(kinds));
        modes = modes == null || modes.isEmpty() ? List.copyOf(provider.modes()) : List.copyOf(EnumSet.copyOf(modes));
        hosts = checkHosts(hosts, kinds);
        for (TargetType kind : kinds) {
            if (provider.lacks(kind) != null) throw new IllegalArgumentException("kinds must be ones the CDN has: " + provider.lacks(kind));
        }
        for (Mode mode : modes) {
            if (!provider.modes().contains(mode)) {
                throw new IllegalArgumentException("modes must be ones the CDN has: " + provider.label() + " has no " + mode.id() + "; it can "
                        + String.join(", ", provider.modes().stream().map(Mode::id).toList()));
            }
        }
        checkScope(provider, services, zone, kinds);
        if (filesPerCall != null && provider != Cdn.CLOUDFLARE) throw new IllegalArgumentException("files_per_call is for Cloudflare sites only");
        filesPerCall = filesPerCall == null ? DEFAULT_FILES_PER_CALL : filesPerCall;
        if (filesPerCall < 1 || filesPerCall > 500) throw new IllegalArgumentException("files_per_call must be between 1 and 500");
        maxTargets = maxTargets == null ? DEFAULT_MAX_TARGETS : maxTargets;
        if (maxTargets < 1 || maxTargets > MOST_TARGETS) throw new IllegalArgumentException("max_targets must be between 1 and " + MOST_TARGETS);
        if (apiUrl != null && (!apiUrl.uri().getRawPath().matches("/*") || apiUrl.uri().getRawQuery() != null)) {
            throw new IllegalArgumentException("api_url must be a scheme, host and port such as https://api.cloudflare.com, not `" + apiUrl + "`");
        }
    }

    /** The CDN API's address without a trailing slash, or null for the CDN's own. */
    String apiBase() {
        return apiUrl == null ? null : apiUrl.toString().replaceAll("/+$", "");
    }

    /** Where results are audited, or null. */
    String auditChannelId() {
        return auditChannel == null ? null : auditChannel.id();
    }

    /** "Akamai, production", "Fastly", "Cloudflare". */
    String describe() {
        return provider.label() + (provider == Cdn.AKAMAI ? ", " + network : "");
    }

    private static String checkNetwork(Cdn provider, String network) {
        if (provider != Cdn.AKAMAI) {
            if (network != null) throw new IllegalArgumentException("network is for Akamai sites only");
            return null;
        }
        String chosen = network == null ? "production" : network.trim().toLowerCase(Locale.ROOT);
        if (!chosen.equals("production") && !chosen.equals("staging")) {
            throw new IllegalArgumentException("network must be production or staging, not `" + network + "`");
        }
        return chosen;
    }

    private static List<String> checkHosts(List<String> hosts, List<TargetType> kinds) {
        List<String> checked = new ArrayList<>();
        for (String host : hosts == null ? List.<String>of() : hosts) {
            String clean = host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
            if (!HOSTNAME.matcher(clean).matches()) {
                throw new IllegalArgumentException("hosts must be host names like www.example.com, not `" + host + "`");
            }
            checked.add(clean);
        }
        if (checked.isEmpty() && kinds.stream().anyMatch(k -> k == TargetType.URL || k == TargetType.HOST || k == TargetType.PREFIX)) {
            throw new IllegalArgumentException("hosts must list the host names this site may purge (for url, host and prefix purges)");
        }
        return List.copyOf(checked);
    }

    private static void checkScope(Cdn provider, List<String> services, String zone, List<TargetType> kinds) {
        if (provider != Cdn.FASTLY && !services.isEmpty()) throw new IllegalArgumentException("services is for Fastly sites only");
        if (provider != Cdn.CLOUDFLARE && zone != null) throw new IllegalArgumentException("zone is for Cloudflare sites only");
        for (String service : services) {
            if (service == null || !PROVIDER_ID.matcher(service).matches()) {
                throw new IllegalArgumentException("services must be Fastly service ids, not `" + service + "`");
            }
        }
        if (provider == Cdn.FASTLY && services.isEmpty() && kinds.stream().anyMatch(k -> k == TargetType.TAG || k == TargetType.EVERYTHING)) {
            throw new IllegalArgumentException("services must name the Fastly service ids (tag and everything purges go to them)");
        }
        if (provider == Cdn.CLOUDFLARE && (zone == null || !PROVIDER_ID.matcher(zone).matches())) {
            throw new IllegalArgumentException("zone must be the Cloudflare zone id");
        }
    }
}
