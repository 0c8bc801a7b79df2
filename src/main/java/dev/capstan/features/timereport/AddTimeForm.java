package dev.capstan.features.timereport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.methods.SlackApiException;
import dev.capstan.command.CommandContext;
import dev.capstan.slack.SlackWebApi;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The add-time modal (Block Kit, api.slack.com/surfaces/modals): reason, first and last day, hours per day. */
final class AddTimeForm {
    static final String CALLBACK_ID = "timereport.add";
    static final String REASON = "reason";
    static final String FROM = "from";
    static final String TO = "to";
    static final String HOURS = "hours";
    private static final Logger log = LoggerFactory.getLogger(AddTimeForm.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TimeReportServices services;
    private final SlackWebApi slack;

    AddTimeForm(TimeReportServices services, SlackWebApi slack) {
        this.services = services;
        this.slack = slack;
    }

    /** Opens the form with the command's trigger id; empty when it opened, else Slack's error (an expired trigger, …). */
    Optional<String> open(CommandContext ctx) {
        return open(ctx.invocation() == null ? null : ctx.invocation().triggerId(), services.today(ctx.clock()));
    }

    /** Opens the form with a trigger id (a command's, or a click's on the Home tab); empty when it opened, else Slack's error. */
    Optional<String> open(String trigger, LocalDate today) {
        if (trigger == null || trigger.isBlank()) return Optional.of("no trigger_id");
        String view = view(today).toString();
        try {
            slack.call("views.open", m -> m.viewsOpen(r -> r.triggerId(trigger).viewAsString(view)));
            return Optional.empty();
        } catch (SlackWebApi.SlackCallFailed e) {
            return Optional.of(e.error());
        } catch (IOException | SlackApiException e) {
            log.warn("views.open failed for the add-time form", e);
            return Optional.of("Slack did not answer");
        }
    }

    ObjectNode view(LocalDate today) {
        ObjectNode view = JSON.createObjectNode();
        view.put("type", "modal");
        view.put("callback_id", CALLBACK_ID);
        view.set("title", plain("Add time"));
        view.set("submit", plain("Add"));
        view.set("close", plain("Cancel"));
        ArrayNode blocks = view.putArray("blocks");
        ObjectNode select = element("static_select", REASON);
        select.set("placeholder", plain("Choose a reason"));
        ArrayNode options = select.putArray("options");
        for (Reason reason : services.settings().reasonList()) {
            options.addObject().put("value", reason.name()).set("text", plain(reason.name()));
        }
        blocks.add(input(REASON, "Reason", select));
        blocks.add(input(FROM, "First day", element("datepicker", FROM).put("initial_date", today.toString())));
        blocks.add(input(TO, "Last day", element("datepicker", TO).put("initial_date", today.toString())));
        blocks.add(input(HOURS, "Hours per day", element("plain_text_input", HOURS)
                .put("initial_value", Hours.format(services.settings().hoursPerDay()))));
        blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", "Weekends and public holidays in a range are skipped; days already reported are left alone.");
        return view;
    }

    private static ObjectNode input(String blockId, String label, ObjectNode element) {
        ObjectNode input = JSON.createObjectNode().put("type", "input").put("block_id", blockId);
        input.set("label", plain(label));
        input.set("element", element);
        return input;
    }

    private static ObjectNode element(String type, String actionId) {
        return JSON.createObjectNode().put("type", type).put("action_id", actionId);
    }

    private static ObjectNode plain(String text) {
        return JSON.createObjectNode().put("type", "plain_text").put("text", text);
    }
}
