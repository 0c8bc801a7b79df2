package dev.capstan.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Turns DATABASE_URL (JDBC, or the postgres://user:pass@host/db form of hosting platforms) into JDBC settings. */
public record DatabaseUrl(String jdbcUrl, String user, String password) {
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    public static DatabaseUrl parse(String value) {
        if (value == null || value.isBlank()) return h2File("./data/capstan");
        String url = value.trim();
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            String rest = url.substring(url.indexOf("://") + 3);
            int at = rest.lastIndexOf('@');
            String user = null;
            String password = null;
            if (at >= 0) {
                String[] parts = rest.substring(0, at).split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
                rest = rest.substring(at + 1);
            }
            URI uri;
            try {
                uri = URI.create("postgresql://" + rest);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DATABASE_URL: the part after the credentials is not a valid host:port/database");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("DATABASE_URL: no host in the part after the credentials");
            }
            String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query, user, password);
        }
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase().contains("MODE=")) {
            return new DatabaseUrl(url + H2_OPTIONS, null, null);
        }
        if (url.startsWith("jdbc:")) return new DatabaseUrl(url, null, null);
        throw new IllegalArgumentException("DATABASE_URL must be a JDBC URL (jdbc:h2:…, jdbc:postgresql://…) or postgres://user:pass@host:port/db");
    }

    public static DatabaseUrl h2File(String path) {
        return new DatabaseUrl("jdbc:h2:file:" + path + H2_OPTIONS, null, null);
    }

    public boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    /** The URL without credentials, safe to log. */
    public String redacted() {
        return jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    /** Percent-decodes credentials; a '+' stays a '+', and text that is not valid percent-encoding is taken as written. */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
