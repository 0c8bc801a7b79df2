package dev.capstan.features.playground;

import dev.capstan.platform.Declarations;
import dev.capstan.platform.FeatureContext;
import dev.capstan.http.HttpExchange;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps other web pages out of the playground: a page on any site the developer visits could otherwise post commands
 * (a form needs no CORS) or, through DNS rebinding, read the workspace. Every request must name this server as its
 * Host; the page's own calls must be JSON (which no other site can send without CORS) and, when the browser names
 * an Origin, come from the page's own; Capstan's own calls (Web API, response_url) come from
 * no page at all, so they carry no Origin.
 */
final class LocalPageGuard {
    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final HttpExchange.Response FORBIDDEN =
            new HttpExchange.Response(403, "text/plain; charset=utf-8", "The playground answers only its own page on localhost.");

    /** What a route expects of its callers. */
    enum Caller {
        /** Reads: any page-less or same-origin GET with a local Host. */
        READ,
        /** The page's own POSTs: JSON, from the page's origin. */
        PAGE,
        /** Capstan calling its fake Slack: no browser involved, so no Origin. */
        SERVER
    }

    private final int port;

    LocalPageGuard(int port) {
        this.port = port;
    }

    /** The endpoint, answering 403 (and doing nothing) to any request that fails the checks for {@code caller}. */
    Declarations.Endpoint guard(Caller caller, Declarations.Endpoint endpoint) {
        return request -> allows(caller, request) ? endpoint.handle(request) : FORBIDDEN;
    }

    boolean allows(Caller caller, HttpExchange.Request request) {
        String host = request.header("Host");
        if (!localHost(host)) return false;
        String origin = request.header("Origin");
        return switch (caller) {
            case READ -> origin == null || origin.equals("http://" + host);
            case PAGE -> (origin == null || origin.equals("http://" + host)) && json(request.header("Content-Type"));
            case SERVER -> origin == null;
        };
    }

    private boolean localHost(String host) {
        if (host == null) return false;
        int colon = host.lastIndexOf(':');
        if (colon < 0 || host.endsWith("]")) return false;
        return LOCAL_HOSTS.contains(host.substring(0, colon).toLowerCase(Locale.ROOT))
                && host.substring(colon + 1).equals(Integer.toString(port));
    }

    private static boolean json(String contentType) {
        if (contentType == null) return false;
        String type = contentType.split(";", 2)[0].trim();
        return type.equalsIgnoreCase("application/json");
    }
}
