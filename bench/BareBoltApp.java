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
import java.util.regex.Pattern;

/** The baseline: a Bolt for Java app that verifies the signature (Bolt's own check) and acks every slash command, served by the same Javalin 7. */
public class BareBoltApp {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String secret = args[1];
        AppConfig config = AppConfig.builder().signingSecret(secret).build();
        App app = new App(config, new ArrayList<>(List.of(
                new RequestVerification(new SlackSignature.Verifier(new SlackSignature.Generator(secret))))));
        app.command(Pattern.compile(".*"), (request, context) -> context.ack());
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
        System.out.println("bare Bolt app listening on " + port);
    }
}
