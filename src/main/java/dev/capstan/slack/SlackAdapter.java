package dev.capstan.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.capstan.command.AuditLog;
import dev.capstan.command.CommandPipeline;
import dev.capstan.command.Confirmations;
import dev.capstan.command.Destination;
import dev.capstan.command.EventSubscriptions;
import dev.capstan.command.Invocation;
import dev.capstan.command.Reply;
import dev.capstan.command.SlackIds;
import dev.capstan.http.HttpExchange;
import dev.capstan.security.SlackSignatureCheck;
import dev.capstan.store.DeliveryLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's side of Capstan: checks the signature (5-minute window, both directions, constant time), lets Bolt parse
 * the payload, and hands slash commands, button clicks and events to the platform. Always acks, and in time: a
 * command that has not answered within the ack budget is acked with "still working" and replies later.
 */
public final class SlackAdapter {
    private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ACK_MESSAGES = 5;
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /** Sends the part of a reply that did not fit into the ack, after the first {@code skip} messages. */
    @FunctionalInterface
    public interface Continuation {
        void send(Destination destination, Reply reply, int skip);
    }

    private final SlackSignatureCheck signature;
    private final CommandPipeline pipeline;
    private final SlackClicks clicks;
    private final SlackSubmissions submissions;
    private final SlackEvents eventIntake;
    private final Continuation continuation;
    private final BlockKitRenderer renderer;
    private final Clock clock;
    private final App app;
    private final SlackRequestParser parser;
    private final Duration ackBudget;
    private final ExecutorService commandWorkers = Executors.newFixedThreadPool(32, runnable -> {
        Thread thread = new Thread(runnable, "capstan-command");
        thread.setDaemon(true);
        return thread;
    });

    public SlackAdapter(SlackSignatureCheck signature, CommandPipeline pipeline, Confirmations confirmations,
                        Interactions interactions, EventSubscriptions events, DeliveryLog deliveries, Jdbi jdbi, AuditLog audit,
                        Continuation continuation, BlockKitRenderer renderer, Clock clock, Duration ackBudget) {
        this.ackBudget = ackBudget;
        this.signature = signature;
        this.pipeline = pipeline;
        this.clicks = new SlackClicks(confirmations, interactions, continuation, audit, clock);
        this.submissions = new SlackSubmissions(interactions, audit, clock);
        this.eventIntake = new SlackEvents(events, deliveries, jdbi, audit, clock);
        this.continuation = continuation;
        this.renderer = renderer;
        this.clock = clock;
        // Bolt here only parses requests; its default client would be a new SDK configuration per adapter, whose
        // statistics stores each run a job every second that nothing stops (see Capstan.withoutCallStatistics).
        AppConfig config = AppConfig.builder().signingSecret("verified-in-front").slack(Slack.getInstance()).build();
        config.setRequestVerificationEnabled(false);
        config.setSslCheckEnabled(false);
        this.parser = new SlackRequestParser(config);
        this.app = new App(config, new java.util.ArrayList<>());
        app.use((request, response, chain) -> {
            if (request instanceof EventRequest event) {
                return withinAckBudget("an event", () -> {
                    eventIntake.receive(event.getRequestBodyAsString());
                    return Response.ok();
                });
            }
            if (request instanceof SlashCommandRequest || request instanceof BlockActionRequest
                    || (request instanceof ViewSubmissionRequest submission && submission.getPayload().getView() != null)) {
                return chain.next(request);
            }
            log.info("A {} request, which Capstan does not take, was acknowledged", request.getRequestType());
            return Response.ok();
        });
        app.command(Pattern.compile(".*"), (request, context) -> onSlashCommand(request.getPayload()));
        app.blockAction(Pattern.compile(".*"), (request, context) -> withinAckBudget("a click", () -> {
            clicks.click(request.getPayload());
            return Response.ok();
        }));
        app.viewSubmission(Pattern.compile(".*"), (request, context) ->
                withinAckBudget("a modal submission", () -> submissions.submit(request.getPayload())));
    }

    /** Handles a request that came over HTTP: nothing runs and nothing is stored unless the signature is valid. */
    public HttpExchange.Response handle(HttpExchange.Request request) {
        if (!signature.verify(request.header("X-Slack-Request-Timestamp"), request.header("X-Slack-Signature"), request.bytes())) {
            return HttpExchange.Response.unauthorized();
        }
        return dispatch(request, false);
    }

    /** Handles a payload that arrived over Socket Mode, where the WebSocket itself is authenticated. */
    public HttpExchange.Response handleTrusted(HttpExchange.Request request) {
        return dispatch(request, true);
    }

    private HttpExchange.Response dispatch(HttpExchange.Request request, boolean socketMode) {
        try {
            if (isUrlVerification(request.body())) {
                String challenge = JSON.readTree(request.body()).path("challenge").asText("");
                return HttpExchange.Response.json(JSON.writeValueAsString(Map.of("challenge", challenge)));
            }
            com.slack.api.bolt.request.Request<?> parsed;
            try {
                parsed = parser.parse(SlackRequestParser.HttpRequest.builder()
                        .requestUri(request.path())
                        .headers(new RequestHeaders(request.headers()))
                        .requestBody(request.body())
                        .remoteAddress(request.remoteAddress())
                        .socketMode(socketMode)
                        .build());
            } catch (RuntimeException malformed) {
                log.warn("A signed request on {} is not a payload Slack sends ({}); acknowledged and ignored", request.path(),
                        firstLine(malformed));
                return HttpExchange.Response.empty();
            }
            if (parsed == null) return HttpExchange.Response.empty();
            Response response = app.run(parsed);
            if (response == null || response.getStatusCode() == null || response.getStatusCode() >= 400) {
                return HttpExchange.Response.empty();
            }
            String body = response.getBody() == null ? "" : response.getBody();
            return new HttpExchange.Response(200, response.getContentType() == null ? "text/plain; charset=utf-8" : response.getContentType(), body);
        } catch (Exception e) {
            String reference = reference();
            log.error("Could not handle a Slack request on {} (reference {})", request.path(), reference, e);
            return HttpExchange.Response.json("{\"response_type\":\"ephemeral\",\"text\":\":warning: Something went wrong on our "
                    + "side; it is logged with reference `" + reference + "`.\"}");
        }
    }

    private Response onSlashCommand(SlashCommandPayload payload) {
        if (!SlackIds.isUser(payload.getUserId()) || payload.getCommand() == null || !payload.getCommand().startsWith("/")) {
            log.warn("A slash command without a user or a command was acknowledged and ignored");
            return Response.ok();
        }
        Invocation invocation = new Invocation(payload.getCommand(), payload.getText(), payload.getUserId(),
                payload.getTeamId(), payload.getChannelId(), payload.getChannelName(), payload.getResponseUrl(),
                payload.getTriggerId(), clock.instant());
        Destination late = new Destination.ResponseUrl(payload.getResponseUrl(), payload.getUserId(), invocation.receivedAt());
        CompletableFuture<Reply> handled = CompletableFuture.supplyAsync(() -> pipeline.handle(invocation), commandWorkers);
        Reply reply;
        try {
            reply = handled.get(ackBudget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            handled.whenComplete((lateReply, error) -> {
                String reference = reference();
                if (error != null) log.error("A slash command failed after its ack (reference {})", reference, error);
                continuation.send(late, lateReply != null ? lateReply : Reply.text(
                        ":warning: Something went wrong on our side while handling that; it is logged with reference `"
                                + reference + "`."), 0);
            });
            return json(SlackJson.message(new SlackMessage(":hourglass_flowing_sand: Still working on it… I'll reply here.", List.of()),
                    Reply.Visibility.EPHEMERAL, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            String reference = reference();
            log.error("A slash command failed (reference {})", reference, e.getCause());
            reply = Reply.text(":warning: Something went wrong on our side while handling that; it is logged with reference `"
                    + reference + "`.");
        }
        List<SlackMessage> messages = renderer.render(reply, ACK_MESSAGES);
        if (messages.size() > 1) continuation.send(late, reply, 1);
        return json(SlackJson.message(messages.get(0), reply.visibility(), null));
    }

    /** Stops the workers when Capstan closes: no new work is taken, and work under way gets a few seconds to finish. */
    public void stop() {
        commandWorkers.shutdown();
        try {
            if (!commandWorkers.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) commandWorkers.shutdownNow();
        } catch (InterruptedException e) {
            commandWorkers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** True once {@link #stop} ended every worker thread. */
    public boolean stopped() {
        return commandWorkers.isTerminated();
    }

    /** What Slack needs back in time whatever the work does: the work goes on in the background past the budget. */
    @FunctionalInterface
    private interface Work {
        Response run() throws Exception;
    }

    private Response withinAckBudget(String what, Work work) {
        Future<Response> running = commandWorkers.submit(work::run);
        try {
            return running.get(ackBudget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Handling {} takes longer than Slack waits for an ack; acked, and it goes on", what);
            return Response.ok();
        } catch (ExecutionException e) {
            log.error("Handling {} failed", what, e.getCause());
            return Response.ok();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.ok();
        }
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String reference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static boolean isUrlVerification(String body) {
        return body != null && body.startsWith("{") && body.contains("\"url_verification\"");
    }

    private static Response json(String body) {
        return Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8).body(body).build();
    }
}
