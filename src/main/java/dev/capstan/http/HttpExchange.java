package dev.capstan.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A transport-neutral inbound request and its answer, so HTTP and Socket Mode share one path. */
public final class HttpExchange {
    private HttpExchange() {
    }

    /** The body is kept as the bytes that arrived: signatures are checked over them, never over re-encoded text. */
    public record Request(String path, Map<String, List<String>> headers, byte[] bytes, String remoteAddress) {
        public Request(String path, Map<String, List<String>> headers, String body, String remoteAddress) {
            this(path, headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), remoteAddress);
        }

        public Request {
            bytes = bytes == null ? new byte[0] : bytes;
        }

        /** The body as UTF-8 text (malformed bytes become U+FFFD). */
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) return entry.getValue().get(0);
            }
            return null;
        }
    }

    /** An answer; {@code bytes}, when set, is sent instead of {@code body} (an image). */
    public record Response(int status, String contentType, String body, byte[] bytes) {
        public Response(int status, String contentType, String body) {
            this(status, contentType, body, null);
        }

        public static Response binary(String contentType, byte[] bytes) {
            return new Response(200, contentType, "", bytes);
        }

        public static Response json(String body) {
            return new Response(200, "application/json; charset=utf-8", body);
        }

        public static Response empty() {
            return new Response(200, "text/plain; charset=utf-8", "");
        }

        public static Response unauthorized() {
            return new Response(401, "text/plain; charset=utf-8", "invalid signature");
        }

        public static Response text(int status, String body) {
            return new Response(status, "text/plain; charset=utf-8", body);
        }
    }
}
