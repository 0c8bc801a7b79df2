package dev.capstan.http;

import java.util.List;
import java.util.Map;

/** A transport-neutral inbound request and its answer, so HTTP and Socket Mode share one path. */
public final class HttpExchange {
    private HttpExchange() {
    }

    public record Request(String path, Map<String, List<String>> headers, String body, String remoteAddress) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) return entry.getValue().get(0);
            }
            return null;
        }
    }

    public record Response(int status, String contentType, String body) {
        public static Response json(String body) {
            return new Response(200, "application/json; charset=utf-8", body);
        }

        public static Response empty() {
            return new Response(200, "text/plain; charset=utf-8", "");
        }

        public static Response unauthorized() {
            return new Response(401, "text/plain; charset=utf-8", "invalid signature");
        }
    }
}
