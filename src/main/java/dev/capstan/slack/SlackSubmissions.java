package dev.capstan.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.app_backend.views.response.ViewSubmissionResponse;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Modal submissions (view_submission) routed by callback id; a form nobody knows any more gets an error view. Audited. */
final class SlackSubmissions {
    private static final Logger log = LoggerFactory.getLogger(SlackSubmissions.class);

    private final Interactions interactions;
    private final AuditLog audit;
    private final Clock clock;

    SlackSubmissions(Interactions interactions, AuditLog audit, Clock clock) {
        this.interactions = interactions;
        this.audit = audit;
        this.clock = clock;
    }

    Response submit(ViewSubmissionPayload payload) throws Exception {
        if (payload.getView() == null || payload.getUser() == null || payload.getUser().getId() == null) {
            log.info("A view_submission payload without a view or a user was ignored");
            return Response.ok();
        }
        long started = System.nanoTime();
        String callbackId = payload.getView().getCallbackId() == null ? "" : payload.getView().getCallbackId();
        String userId = payload.getUser().getId();
        String outcome;
        Response response;
        var handler = interactions.submitHandler(callbackId);
        if (handler.isEmpty()) {
            log.warn("A submission of unknown form '{}' by {}; known forms: {}", callbackId, userId, interactions.callbackIds());
            response = errorView("Form no longer works", ":warning: This form no longer works (it may come from an "
                    + "older version of Capstan), and nothing was saved. Run the command again to get a fresh one.");
            outcome = "unknown form";
        } else {
            try {
                var responseUrl = payload.getResponseUrls() == null ? null
                        : payload.getResponseUrls().stream().filter(u -> u.getResponseUrl() != null).findFirst().orElse(null);
                Interactions.SubmitAnswer answer = handler.get().submit(new Interactions.Submission(userId, callbackId,
                        values(payload), payload.getView().getPrivateMetadata(), payload.getView().getId(),
                        payload.getView().getHash(), responseUrl == null ? null : responseUrl.getChannelId(),
                        responseUrl == null ? null : responseUrl.getResponseUrl()));
                response = answer(answer);
                outcome = answer.refusal() != null ? answer.refusal()
                        : answer.errors().isEmpty() ? "ok" : "invalid: " + String.join(", ", answer.errors().keySet());
            } catch (Exception e) {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("Submitting modal {} failed (reference {})", callbackId, reference, e);
                response = errorView("Something went wrong", ":warning: That did not work, and nothing was saved. It is "
                        + "logged with reference `" + reference + "`.");
                outcome = "error: " + e.getClass().getSimpleName() + " (" + reference + ")";
            }
        }
        audit.append(AuditEntry.of(AuditEntry.Kind.SUBMISSION, clock.instant(), userId, null, callbackId, callbackId,
                "submit", outcome, Duration.ofNanos(System.nanoTime() - started).toMillis(), null));
        return response;
    }

    private static Map<String, String> values(ViewSubmissionPayload payload) {
        Map<String, String> values = new LinkedHashMap<>();
        if (payload.getView().getState() != null && payload.getView().getState().getValues() != null) {
            payload.getView().getState().getValues().forEach((blockId, inputs) -> {
                if (inputs != null) inputs.values().stream().findFirst().map(SlackSubmissions::inputValue)
                        .ifPresent(value -> values.put(blockId, value));
            });
        }
        return values;
    }

    private static String inputValue(ViewState.Value value) {
        if (value == null) return "";
        if (value.getSelectedOption() != null) return value.getSelectedOption().getValue();
        if (value.getSelectedOptions() != null) {
            return String.join(",", value.getSelectedOptions().stream().map(o -> o.getValue()).toList());
        }
        if (value.getSelectedDate() != null) return value.getSelectedDate();
        if (value.getSelectedUser() != null) return value.getSelectedUser();
        if (value.getSelectedConversation() != null) return value.getSelectedConversation();
        if (value.getSelectedChannel() != null) return value.getSelectedChannel();
        return value.getValue() == null ? "" : value.getValue();
    }

    private static Response answer(Interactions.SubmitAnswer answer) {
        if (!answer.errors().isEmpty()) {
            return json(ViewSubmissionResponse.builder().responseAction("errors").errors(answer.errors()).build());
        }
        if (answer.updateView() != null) {
            return json(ViewSubmissionResponse.builder().responseAction("update").view(answer.updateView()).build());
        }
        return Response.ok();
    }

    private static Response errorView(String title, String text) {
        View view = view(v -> v.type("modal")
                .title(viewTitle(t -> t.type("plain_text").text(title.length() > 24 ? title.substring(0, 24) : title)))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(List.of(section(s -> s.text(markdownText(text))))));
        return json(ViewSubmissionResponse.builder().responseAction("update").view(view).build());
    }

    private static Response json(ViewSubmissionResponse body) {
        return Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                .body(SlackJson.GSON.toJson(body)).build();
    }
}
