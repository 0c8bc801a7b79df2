package dev.capstan.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a person filled into a modal, as Slack puts it in view.state.values: block id → action id → typed value. */
public final class ModalInputs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, ObjectNode> byBlock = new LinkedHashMap<>();

    public static ModalInputs of() {
        return new ModalInputs();
    }

    /** A plain_text_input whose block and action share the id. */
    public ModalInputs text(String id, String value) {
        return put(id, JSON.createObjectNode().put("type", "plain_text_input").put("value", value));
    }

    /** A datepicker whose block and action share the id; {@code date} is YYYY-MM-DD. */
    public ModalInputs date(String id, String date) {
        return put(id, JSON.createObjectNode().put("type", "datepicker").put("selected_date", date));
    }

    /** A static_select whose block and action share the id. */
    public ModalInputs option(String id, String value) {
        ObjectNode input = JSON.createObjectNode().put("type", "static_select");
        ObjectNode option = input.putObject("selected_option").put("value", value);
        option.putObject("text").put("type", "plain_text").put("text", value);
        return put(id, input);
    }

    /** Checkboxes whose block and action share the id, with these options' values ticked. */
    public ModalInputs checked(String id, String... values) {
        ObjectNode input = JSON.createObjectNode().put("type", "checkboxes");
        var selected = input.putArray("selected_options");
        for (String value : values) {
            ObjectNode option = selected.addObject().put("value", value);
            option.putObject("text").put("type", "plain_text").put("text", value);
        }
        return put(id, input);
    }

    /** A conversations_select whose block and action share the id. */
    public ModalInputs conversation(String id, String channelId) {
        return put(id, JSON.createObjectNode().put("type", "conversations_select").put("selected_conversation", channelId));
    }

    private ModalInputs put(String id, ObjectNode input) {
        ObjectNode actions = JSON.createObjectNode();
        actions.set(id, input);
        byBlock.put(id, actions);
        return this;
    }

    /** The state.values object of a view_submission payload. */
    ObjectNode stateValues() {
        ObjectNode values = JSON.createObjectNode();
        byBlock.forEach(values::set);
        return values;
    }
}
