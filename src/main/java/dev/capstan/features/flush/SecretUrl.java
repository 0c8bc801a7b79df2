package dev.capstan.features.flush;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL whose secret parts are written {@code ${secret:NAME}} and read from the environment (NAME, or the file NAME_FILE
 * names) when Capstan starts: a team's own flush service ({@code sites.<name>.http.url}) or the allow-list's address.
 */
record SecretUrl(String url) {
    static final Pattern SECRET = Pattern.compile("\\$\\{secret:([A-Za-z_][A-Za-z0-9_]*)}");

    SecretUrl {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("url must be an address like https://flush.example/api/purge");
        url = url.trim();
        URI uri;
        try {
            uri = URI.create(SECRET.matcher(url).replaceAll("secret"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url must be a URL like https://flush.example/api/purge, not `" + url + "`");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be a URL like https://flush.example/api/purge, not `" + url + "`");
        }
        String authority = url.substring(0, url.indexOf("://") + 3) + url.substring(url.indexOf("://") + 3).split("[/?#]", 2)[0];
        if (authority.contains("${")) throw new IllegalArgumentException("url: a ${secret:…} may fill the path or the query, not the host");
        if (url.replaceAll(SECRET.pattern(), "").contains("${")) {
            throw new IllegalArgumentException("url: write a secret as ${secret:NAME} (letters, digits, _)");
        }
    }

    String host() {
        return URI.create(SECRET.matcher(url).replaceAll("secret")).getHost();
    }

    /** The names of the secrets the URL holds, in order. */
    Set<String> secrets() {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = SECRET.matcher(url);
        while (matcher.find()) names.add(matcher.group(1));
        return names;
    }

    /** The URL with each secret replaced by {@code value(name)}. */
    String resolved(Function<String, String> value) {
        Matcher matcher = SECRET.matcher(url);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.apply(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
