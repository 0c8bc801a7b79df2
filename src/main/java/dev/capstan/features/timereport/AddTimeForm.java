package dev.capstan.features.timereport;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.methods.SlackApiException;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import dev.capstan.command.CommandContext;
import dev.capstan.slack.SlackWebApi;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The add-time modal (the Slack SDK's view model): reason, first and last day, hours per day. */
final class AddTimeForm {
    static final String CALLBACK_ID = "timereport.add";
    static final String REASON = "reason";
    static final String FROM = "from";
    static final String TO = "to";
    static final String HOURS = "hours";
    private static final Logger log = LoggerFactory.getLogger(AddTimeForm.class);

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
        View view = view(today);
        try {
            slack.call("views.open", m -> m.viewsOpen(r -> r.triggerId(trigger).view(view)));
            return Optional.empty();
        } catch (SlackWebApi.SlackCallFailed e) {
            return Optional.of(e.error());
        } catch (IOException | SlackApiException e) {
            log.warn("views.open failed for the add-time form", e);
            return Optional.of("Slack did not answer");
        }
    }

    View view(LocalDate today) {
        List<OptionObject> reasons = services.settings().reasonList().stream()
                .map(reason -> option(plainText(reason.name()), reason.name())).toList();
        return Views.view(v -> v.type("modal").callbackId(CALLBACK_ID)
                .title(viewTitle(t -> t.type("plain_text").text("Add time")))
                .submit(viewSubmit(t -> t.type("plain_text").text("Add")))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        field(REASON, "Reason", staticSelect(e -> e.actionId(REASON).placeholder(plainText("Choose a reason")).options(reasons))),
                        field(FROM, "First day", datePicker(e -> e.actionId(FROM).initialDate(today.toString()))),
                        field(TO, "Last day", datePicker(e -> e.actionId(TO).initialDate(today.toString()))),
                        field(HOURS, "Hours per day", plainTextInput(e -> e.actionId(HOURS)
                                .initialValue(Hours.format(services.settings().hoursPerDay())))),
                        context(List.<ContextBlockElement>of(markdownText(
                                "Weekends and public holidays in a range are skipped; days already reported are left alone."))))));
    }

    private static LayoutBlock field(String blockId, String label, BlockElement element) {
        return input(i -> i.blockId(blockId).label(plainText(label)).element(element));
    }
}
