package dev.capstan.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One outbound request: method, URL, headers and body. {@code idempotent} says whether sending it twice is harmless,
 * which decides whether a timeout or a 5xx may be retried (GET, PUT and DELETE are; a POST is only when marked).
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, byte[] body, boolean idempotent) {
    public HttpCall {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static HttpCall get(String url) {
        return new HttpCall("GET", URI.create(url), Map.of(), null, true);
    }

    public static HttpCall post(String url) {
        return new HttpCall("POST", URI.create(url), Map.of(), null, false);
    }

    public static HttpCall of(String method, String url) {
        String upper = method.toUpperCase(java.util.Locale.ROOT);
        return new HttpCall(upper, URI.create(url), Map.of(), null, !upper.equals("POST") && !upper.equals("PATCH"));
    }

    public HttpCall header(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new HttpCall(method, uri, all, body, idempotent);
    }

    public HttpCall body(String contentType, String text) {
        return header("Content-Type", contentType).withBody(text.getBytes(StandardCharsets.UTF_8));
    }

    public HttpCall json(String json) {
        return body("application/json", json);
    }

    public HttpCall withBody(byte[] bytes) {
        return new HttpCall(method, uri, headers, bytes, idempotent);
    }

    /** Marks a POST as safe to send twice (the server de-duplicates it, or it only reads). */
    public HttpCall retrySafe() {
        return new HttpCall(method, uri, headers, body, true);
    }

    /** "POST api.github.com/repos/o/r/deployments": what the audit and the errors show; never the query, headers or body. */
    public String describe() {
        return method + " " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
