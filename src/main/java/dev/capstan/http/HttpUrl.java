package dev.capstan.http;

import java.net.URI;

/** An http(s) URL from configuration or the environment, with the host its outbound client is allowed to reach. */
public record HttpUrl(URI uri) {
    public HttpUrl {
        if (uri == null || uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("`" + uri + "` is not an http(s) URL like https://example.com");
        }
    }

    /** The URL written as text; refused with the same sentence when it is not one. */
    public static HttpUrl parse(String text) {
        try {
            return new HttpUrl(URI.create(text == null ? "" : text.trim()));
        } catch (IllegalArgumentException notAUri) {
            throw new IllegalArgumentException("`" + text + "` is not an http(s) URL like https://example.com");
        }
    }

    public String host() {
        return uri.getHost();
    }

    /** Its host alone, for the outbound client that calls it. */
    public HostAllowList allowList() {
        return HostAllowList.of(host());
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
