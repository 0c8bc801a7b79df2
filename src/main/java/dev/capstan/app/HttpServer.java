package dev.capstan.app;

import dev.capstan.platform.Declarations;
import dev.capstan.http.HttpExchange;
import dev.capstan.slack.SlackAdapter;
import dev.capstan.store.Database;
import dev.capstan.webhooks.WebhookIntake;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP surface (Javalin on Jetty 12): Slack endpoints, the families' routes, health, readiness and metrics. */
final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    private final Javalin javalin;
    private volatile boolean open;

    HttpServer(SlackAdapter slack, WebhookIntake webhooks, List<Declarations.Route> routes, Database database,
               BooleanSupplier jobsRunning, PrometheusMeterRegistry metrics) {
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 1_000_000L;
            config.routes.post("/slack/commands", ctx -> serve(ctx, "commands", slack::handle, metrics));
            config.routes.post("/slack/interactive", ctx -> serve(ctx, "interactive", slack::handle, metrics));
            config.routes.post("/slack/events", ctx -> serve(ctx, "events", slack::handle, metrics));
            config.routes.post("/github/webhook", ctx -> serve(ctx, "github", request -> webhooks.receive("github", request), metrics));
            config.routes.post("/circleci/webhook", ctx -> serve(ctx, "circleci", request -> webhooks.receive("circleci", request), metrics));
            config.routes.post("/hooks/{source}", ctx -> serve(ctx, "hooks", request ->
                    webhooks.receiveHook(ctx.pathParam("source"), request), metrics));
            for (Declarations.Route route : routes) {
                Declarations.Endpoint endpoint = route.endpoint();
                switch (route.method()) {
                    case "GET" -> config.routes.get(route.path(), ctx -> serve(ctx, route.path(), endpoint::handle, metrics));
                    case "POST" -> config.routes.post(route.path(), ctx -> serve(ctx, route.path(), endpoint::handle, metrics));
                    case "PUT" -> config.routes.put(route.path(), ctx -> serve(ctx, route.path(), endpoint::handle, metrics));
                    case "DELETE" -> config.routes.delete(route.path(), ctx -> serve(ctx, route.path(), endpoint::handle, metrics));
                    case "PATCH" -> config.routes.patch(route.path(), ctx -> serve(ctx, route.path(), endpoint::handle, metrics));
                    default -> throw new IllegalArgumentException("Unsupported method " + route.method());
                }
            }
            config.routes.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok"));
            config.routes.get("/readyz", ctx -> {
                boolean ready = database.ready() && jobsRunning.getAsBoolean();
                ctx.status(ready ? 200 : 503).contentType("text/plain").result(ready ? "ready" : "not ready");
            });
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("Unhandled error on {}", ctx.path(), e);
                ctx.status(500).contentType("text/plain").result("internal error");
            });
        });
    }

    /** A request handler that may throw; the server turns that into a logged 500, never a stack trace. */
    @FunctionalInterface
    private interface Handler {
        HttpExchange.Response handle(HttpExchange.Request request) throws Exception;
    }

    private void serve(Context ctx, String name, Handler handler, PrometheusMeterRegistry metrics) throws Exception {
        if (!open) {
            ctx.status(503).contentType("text/plain").result("Capstan is starting; try again in a moment.");
            return;
        }
        Timer.Sample sample = Timer.start(metrics);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header : ctx.req().getHeaderNames() == null ? List.<String>of() : java.util.Collections.list(ctx.req().getHeaderNames())) {
            headers.put(header, java.util.Collections.list(ctx.req().getHeaders(header)));
        }
        String path = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        HttpExchange.Response response = handler.handle(new HttpExchange.Request(path, headers, ctx.bodyAsBytes(), ctx.ip()));
        ctx.status(response.status()).contentType(response.contentType());
        if (response.bytes() != null) ctx.result(response.bytes());
        else ctx.result(response.body());
        sample.stop(metrics.timer("capstan.http.requests", "endpoint", name, "status", Integer.toString(response.status())));
    }

    /** Serves every route from now on: until then only the probes and /metrics answer, the rest 503, as the database is migrated. */
    void open() {
        open = true;
    }

    int start(String host, int port) {
        if (host == null) javalin.start(port);
        else javalin.start(host, port);
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
