package dev.capstan.features.flush;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.command.Block;
import java.util.List;

/** Block Kit for modals (api.slack.com/surfaces/modals), built as JSON: text objects, sections, inputs, selects. */
final class ViewJson {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int SECTION_TEXT = 3000;

    private ViewJson() {
    }

    static ObjectNode modal(String title, String close) {
        ObjectNode view = JSON.createObjectNode().put("type", "modal");
        view.set("title", plain(title));
        view.set("close", plain(close));
        view.putArray("blocks");
        return view;
    }

    static ObjectNode plain(String text) {
        return JSON.createObjectNode().put("type", "plain_text").put("text", text);
    }

    static void section(ObjectNode view, String markdown) {
        ObjectNode section = blocks(view).addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", cut(markdown));
    }

    static void context(ObjectNode view, String markdown) {
        blocks(view).addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn").put("text", cut(markdown));
    }

    static ObjectNode input(ObjectNode view, String blockId, String label, ObjectNode element) {
        ObjectNode input = blocks(view).addObject().put("type", "input").put("block_id", blockId);
        input.set("label", plain(label));
        input.set("element", element.put("action_id", blockId));
        return input;
    }

    /** A static select of (value, label) options; the first is chosen when it is the only one or equals {@code initial}. */
    static ObjectNode select(String placeholder, List<String[]> options, String initial) {
        ObjectNode select = JSON.createObjectNode().put("type", "static_select");
        select.set("placeholder", plain(placeholder));
        ArrayNode list = select.putArray("options");
        for (String[] option : options) {
            ObjectNode node = list.addObject().put("value", option[0]);
            node.set("text", plain(option[1]));
            if (option[0].equals(initial) || options.size() == 1) select.set("initial_option", node.deepCopy());
        }
        return select;
    }

    /** The platform's blocks in a modal: sections (with fields) and context; buttons stay in messages. */
    static void blocks(ObjectNode view, List<Block> blocks) {
        for (Block block : blocks) {
            if (block instanceof Block.Section section) {
                if (!section.markdown().isEmpty()) section(view, section.markdown());
                if (!section.fields().isEmpty()) {
                    ArrayNode fields = blocks(view).addObject().put("type", "section").putArray("fields");
                    section.fields().forEach(f -> fields.addObject().put("type", "mrkdwn").put("text", f));
                }
            } else if (block instanceof Block.Context context) {
                context(view, context.markdown());
            }
        }
    }

    private static ArrayNode blocks(ObjectNode view) {
        return (ArrayNode) view.get("blocks");
    }

    private static String cut(String text) {
        return text.length() > SECTION_TEXT ? text.substring(0, SECTION_TEXT - 1) + "…" : text;
    }
}
