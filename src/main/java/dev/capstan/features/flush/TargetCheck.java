package dev.capstan.features.flush;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the targets someone typed for a site: one per line, trimmed, blank lines dropped, duplicates removed; every
 * bad line is named with what is wrong with it (not a URL, a host outside the site, a wildcard the CDN cannot do).
 */
final class TargetCheck {
    /** The good targets in their canonical form, and one sentence per bad line. */
    record Result(List<String> targets, List<String> problems) { }

    private static final int LONGEST = 2048;
    private static final int MOST_PREFIX_SEPARATORS = 31;
    private static final Pattern HOSTNAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    /** Slack's escaped link, {@code <https://x|label>} or {@code <https://x>}. */
    private static final Pattern SLACK_LINK = Pattern.compile("<([^|>]+)(\\|[^>]*)?>");

    private TargetCheck() {
    }

    static Result check(Site site, TargetType kind, String text) {
        Set<String> targets = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        String[] lines = (text == null ? "" : text).split("\\R");
        for (int number = 1; number <= lines.length; number++) {
            String line = SLACK_LINK.matcher(lines[number - 1].trim()).replaceAll("$1").trim();
            if (line.isEmpty()) continue;
            String problem = line.length() > LONGEST ? "is longer than " + LONGEST + " characters" : null;
            String target = null;
            if (problem == null) {
                try {
                    target = canonical(site, kind, line);
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) problems.add("Line " + number + ": “" + shorten(line) + "” " + problem);
            else targets.add(target);
        }
        return new Result(List.copyOf(targets), problems);
    }

    private static String canonical(Site site, TargetType kind, String line) {
        return switch (kind) {
            case URL -> url(site, line);
            case TAG -> tag(site, line);
            case HOST -> host(site, line);
            case PREFIX -> prefix(site, line);
            case CPCODE -> cpCode(line);
            case EVERYTHING -> throw new IllegalArgumentException("is not needed: purging everything takes no targets");
        };
    }

    private static String url(Site site, String line) {
        if (line.contains("*")) {
            throw new IllegalArgumentException("has a wildcard, which " + site.cdn().label() + " cannot purge by URL"
                    + (site.settings().kinds().contains(TargetType.PREFIX) ? "; purge the prefix instead" : "; purge by cache tag instead"));
        }
        URI uri = parse(line);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("is not a URL: give the whole address, e.g. https://" + example(site) + "/page");
        }
        allowedHost(site, uri.getHost());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String tag(Site site, String line) {
        if (line.chars().anyMatch(Character::isWhitespace)) throw new IllegalArgumentException("has a space; a cache tag has none");
        if (line.contains("*")) throw new IllegalArgumentException("has a wildcard; " + site.cdn().label() + " purges exact tags only");
        if (line.length() > 1024) throw new IllegalArgumentException("is longer than 1024 characters");
        return line;
    }

    private static String host(Site site, String line) {
        String host = line.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceAll("/+$", "");
        if (host.contains("*")) throw new IllegalArgumentException("has a wildcard; a host purge already covers the whole host");
        if (!HOSTNAME.matcher(host).matches()) throw new IllegalArgumentException("is not a host name like " + example(site));
        allowedHost(site, host);
        return host;
    }

    private static String prefix(Site site, String line) {
        String prefix = line.replaceFirst("(?i)^https?://", "");
        if (prefix.contains("*")) throw new IllegalArgumentException("has a wildcard; a prefix purge already covers everything below it");
        int slash = prefix.indexOf('/');
        String host = (slash < 0 ? prefix : prefix.substring(0, slash)).toLowerCase(Locale.ROOT);
        if (!HOSTNAME.matcher(host).matches() || slash < 0) {
            throw new IllegalArgumentException("is not a prefix like " + example(site) + "/blog/ (host and path, no scheme)");
        }
        allowedHost(site, host);
        String path = prefix.substring(slash);
        if (path.chars().filter(c -> c == '/').count() > MOST_PREFIX_SEPARATORS) {
            throw new IllegalArgumentException("has more than " + MOST_PREFIX_SEPARATORS + " path separators, Cloudflare's limit");
        }
        return host + path;
    }

    private static String cpCode(String line) {
        if (!line.matches("[0-9]{1,10}")) throw new IllegalArgumentException("is not a CP code (a number)");
        return line;
    }

    private static void allowedHost(Site site, String host) {
        if (!HostRule.allows(site.settings().hosts(), host)) {
            throw new IllegalArgumentException("is on " + host.toLowerCase(Locale.ROOT) + ", which is not a host of site "
                    + site.name() + " (" + String.join(", ", site.settings().hosts()) + ", or hosts below them)");
        }
    }

    /** The URL with anything outside ASCII (and spaces) percent-encoded: one bad object fails a whole Akamai call. */
    private static URI parse(String line) {
        try {
            return URI.create(new URI(line).toASCIIString());
        } catch (URISyntaxException e) {
            try {
                return URI.create(new URI(null, line, null).toASCIIString());
            } catch (URISyntaxException | IllegalArgumentException again) {
                throw new IllegalArgumentException("is not a URL (" + e.getReason() + ")");
            }
        }
    }

    private static String example(Site site) {
        return site.settings().hosts().isEmpty() ? "www.example.com" : site.settings().hosts().get(0);
    }

    private static String shorten(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }
}
