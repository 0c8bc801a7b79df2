package dev.capstan.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.model.view.ViewState;
import dev.capstan.command.CommandPipeline;
import dev.capstan.http.HttpExchange;
import dev.capstan.command.Confirmations;
import dev.capstan.command.Destination;
import dev.capstan.command.EventSubscriptions;
import dev.capstan.command.Interactions;
import dev.capstan.command.Invocation;
import dev.capstan.command.Reply;
import dev.capstan.command.WorkspaceEvent;
import dev.capstan.security.SlackSignatureCheck;
import dev.capstan.store.DeliveryLog;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
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

    /** Sends the part of a reply that did not fit into the ack, after the first {@code skip} messages. */
    @FunctionalInterface
    public interface Continuation {
        void send(Destination destination, Reply reply, int skip);
    }

    private final SlackSignatureCheck signature;
    private final CommandPipeline pipeline;
    private final Confirmations confirmations;
    private final Interactions interactions;
    private final EventSubscriptions events;
    private final DeliveryLog deliveries;
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
                        Interactions interactions, EventSubscriptions events, DeliveryLog deliveries, Continuation continuation,
                        BlockKitRenderer renderer, Clock clock, Duration ackBudget) {
        this.ackBudget = ackBudget;
        this.signature = signature;
        this.pipeline = pipeline;
        this.confirmations = confirmations;
        this.interactions = interactions;
        this.events = events;
        this.deliveries = deliveries;
        this.continuation = continuation;
        this.renderer = renderer;
        this.clock = clock;
        AppConfig config = AppConfig.builder().signingSecret("verified-in-front").build();
        config.setRequestVerificationEnabled(false);
        config.setSslCheckEnabled(false);
        this.parser = new SlackRequestParser(config);
        this.app = new App(config, new java.util.ArrayList<>());
        app.use((request, response, chain) -> request instanceof EventRequest event
                ? withinAckBudget("an event", () -> onEvent(event)) : chain.next(request));
        app.command(Pattern.compile(".*"), (request, context) -> onSlashCommand(request.getPayload()));
        app.blockAction(Pattern.compile(".*"), (request, context) ->
                withinAckBudget("a click", () -> onBlockAction(request.getPayload())));
        app.viewSubmission(Pattern.compile(".*"), (request, context) ->
                withinAckBudget("a modal submission", () -> onViewSubmission(request.getPayload())));
    }

    /** Handles a request that came over HTTP: nothing runs and nothing is stored unless the signature is valid. */
    public HttpExchange.Response handle(HttpExchange.Request request) {
        if (!signature.verify(request.header("X-Slack-Request-Timestamp"), request.header("X-Slack-Signature"), request.body())) {
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
            var parsed = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.path())
                    .headers(new RequestHeaders(request.headers()))
                    .requestBody(request.body())
                    .remoteAddress(request.remoteAddress())
                    .socketMode(socketMode)
                    .build());
            if (parsed == null) return HttpExchange.Response.empty();
            Response response = app.run(parsed);
            if (response == null || response.getStatusCode() == null || response.getStatusCode() >= 400) {
                return HttpExchange.Response.empty();
            }
            String body = response.getBody() == null ? "" : response.getBody();
            return new HttpExchange.Response(200, response.getContentType() == null ? "text/plain; charset=utf-8" : response.getContentType(), body);
        } catch (Exception e) {
            log.error("Could not handle a Slack request on {}", request.path(), e);
            return HttpExchange.Response.json("{\"response_type\":\"ephemeral\",\"text\":\":warning: Something went wrong on our side; it is logged.\"}");
        }
    }

    private Response onSlashCommand(SlashCommandPayload payload) {
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
            throw new IllegalStateException(e.getCause());
        }
        List<SlackMessage> messages = renderer.render(reply, ACK_MESSAGES);
        if (messages.size() > 1) continuation.send(late, reply, 1);
        return json(SlackJson.message(messages.get(0), reply.visibility(), null));
    }

    private Response onBlockAction(BlockActionPayload payload) {
        if (payload.getActions() == null || payload.getActions().isEmpty()) return Response.ok();
        BlockActionPayload.Action action = payload.getActions().get(0);
        String actionId = action.getActionId();
        boolean confirm = Confirmations.CONFIRM_ACTION_ID.equals(actionId);
        if (!confirm && !Confirmations.CANCEL_ACTION_ID.equals(actionId)) return onClick(payload, action);
        String userId = payload.getUser().getId();
        Confirmations.ClickResult result = confirmations.click(userId, action.getValue(), confirm, payload.getResponseUrl());
        continuation.send(new Destination.ResponseUrl(payload.getResponseUrl(), userId, clock.instant()), result.reply(), 0);
        return Response.ok();
    }

    private Response onClick(BlockActionPayload payload, BlockActionPayload.Action action) {
        var handler = interactions.clickHandler(action.getActionId());
        if (handler.isEmpty()) return Response.ok();
        String userId = payload.getUser().getId();
        String value = action.getSelectedOption() != null ? action.getSelectedOption().getValue() : action.getValue();
        String channelId = payload.getChannel() == null ? null : payload.getChannel().getId();
        try {
            Reply reply = handler.get().click(new Interactions.Click(userId, channelId, action.getActionId(), value,
                    payload.getTriggerId()));
            if (reply != null && payload.getResponseUrl() != null) {
                continuation.send(new Destination.ResponseUrl(payload.getResponseUrl(), userId, clock.instant()),
                        reply.replacingOriginal(), 0);
            }
        } catch (Exception e) {
            String reference = reference();
            log.error("Handling a click on {} failed (reference {})", action.getActionId(), reference, e);
            if (payload.getResponseUrl() != null) {
                continuation.send(new Destination.ResponseUrl(payload.getResponseUrl(), userId, clock.instant()),
                        Reply.text(":warning: That click did not work; it is logged with reference `" + reference + "`."), 0);
            }
        }
        return Response.ok();
    }

    private Response onViewSubmission(ViewSubmissionPayload payload) throws Exception {
        try {
            return submit(payload);
        } catch (Exception e) {
            String reference = reference();
            log.error("Submitting modal {} failed (reference {})", payload.getView().getCallbackId(), reference, e);
            return json(JSON.writeValueAsString(Map.of("response_action", "update", "view", Map.of(
                    "type", "modal",
                    "title", Map.of("type", "plain_text", "text", "Something went wrong"),
                    "close", Map.of("type", "plain_text", "text", "Close"),
                    "blocks", List.of(Map.of("type", "section", "text", Map.of("type", "mrkdwn",
                            "text", ":warning: That did not work, and nothing was saved. It is logged with reference `"
                                    + reference + "`.")))))));
        }
    }

    private Response submit(ViewSubmissionPayload payload) throws Exception {
        var handler = interactions.submitHandler(payload.getView().getCallbackId());
        if (handler.isEmpty()) return Response.ok();
        Map<String, String> values = new LinkedHashMap<>();
        if (payload.getView().getState() != null && payload.getView().getState().getValues() != null) {
            payload.getView().getState().getValues().forEach((blockId, inputs) -> inputs.values().stream().findFirst()
                    .map(SlackAdapter::inputValue).ifPresent(value -> values.put(blockId, value)));
        }
        Interactions.SubmitAnswer answer = handler.get().submit(new Interactions.Submission(payload.getUser().getId(),
                payload.getView().getCallbackId(), values, payload.getView().getPrivateMetadata()));
        if (answer.errors().isEmpty()) return Response.ok();
        return json(JSON.writeValueAsString(Map.of("response_action", "errors", "errors", answer.errors())));
    }

    private static String inputValue(ViewState.Value value) {
        if (value.getSelectedOption() != null) return value.getSelectedOption().getValue();
        if (value.getSelectedDate() != null) return value.getSelectedDate();
        if (value.getSelectedUser() != null) return value.getSelectedUser();
        return value.getValue() == null ? "" : value.getValue();
    }

    private Response onEvent(EventRequest request) throws Exception {
        JsonNode envelope = JSON.readTree(request.getRequestBodyAsString());
        String eventId = envelope.path("event_id").asText(null);
        JsonNode event = envelope.path("event");
        String type = event.path("type").asText("");
        if (eventId == null || !deliveries.firstTime("slack-event", eventId)) {
            return Response.ok();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = JSON.convertValue(event, Map.class);
        WorkspaceEvent workspaceEvent = new WorkspaceEvent(type, eventId, envelope.path("team_id").asText(null), fields);
        for (EventSubscriptions.Handler handler : events.handlersFor(type)) {
            try {
                handler.handle(workspaceEvent);
            } catch (Exception e) {
                log.error("Handler for event {} ({}) failed", eventId, type, e);
            }
        }
        return Response.ok();
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
