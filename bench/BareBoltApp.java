import com.slack.api.Slack;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The baselines: a Bolt for Java app that verifies the signature (Bolt's own check) and acks every slash command, served
 * by the same Javalin 7. Mode {@code ack} (the default) only acks; mode {@code async} acks and then replies through the
 * command's response_url from a worker pool of 8 threads, as Bolt's docs suggest for slow work (nothing durable: a reply
 * still queued when the process dies is lost), through one shared Slack client as Capstan's replies go.
 * Usage: BareBoltApp PORT SECRET [ack|async]
 */
public class BareBoltApp {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String secret = args[1];
        boolean async = args.length > 2 && args[2].equals("async");
        AppConfig config = AppConfig.builder().signingSecret(secret).build();
        App app = new App(config, new ArrayList<>(List.of(
                new RequestVerification(new SlackSignature.Verifier(new SlackSignature.Generator(secret))))));
        ExecutorService workers = Executors.newFixedThreadPool(8);
        Slack slack = Slack.getInstance();
        app.command(Pattern.compile(".*"), (request, context) -> {
            if (async) {
                workers.submit(() -> {
                    try {
                        slack.send(request.getPayload().getResponseUrl(), "{\"text\":\"Pong, later.\"}");
                    } catch (Exception e) {
                        System.err.println("response_url failed: " + e);
                    }
                });
                return context.ack(":hourglass_flowing_sand: Working on it");
            }
            return context.ack();
        });
        SlackRequestParser parser = new SlackRequestParser(config);
        Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.routes.post("/slack/commands", ctx -> {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (String name : Collections.list(ctx.req().getHeaderNames())) {
                    headers.put(name, Collections.list(ctx.req().getHeaders(name)));
                }
                Response response = app.run(parser.parse(SlackRequestParser.HttpRequest.builder()
                        .requestUri(ctx.path()).headers(new RequestHeaders(headers)).requestBody(ctx.body())
                        .remoteAddress(ctx.ip()).build()));
                ctx.status(response.getStatusCode());
                if (response.getContentType() != null) ctx.contentType(response.getContentType());
                ctx.result(response.getBody() == null ? "" : response.getBody());
            });
        }).start(port);
        System.out.println("bare Bolt app (" + (async ? "async reply" : "ack only") + ") listening on " + port);
    }
}
