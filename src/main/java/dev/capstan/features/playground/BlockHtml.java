package dev.capstan.features.playground;

import static dev.capstan.features.playground.Mrkdwn.escape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Block Kit as HTML for the playground page, for messages, modals and the Home tab alike: header, section (text, fields,
 * accessory), context, divider, image, actions (buttons, selects, overflow menus, date pickers), input (text, selects of
 * options, people or channels, checkboxes, dates) and rich_text.
 * What a click or pick sends is in the element's {@code data-action} (JSON), for the page's script to complete and post.
 */
final class BlockHtml {
    private final Mrkdwn mrkdwn;
    private final List<Workspace.Person> people;
    private final List<Workspace.Channel> channels;

    BlockHtml(Mrkdwn mrkdwn, List<Workspace.Person> people) {
        this(mrkdwn, people, List.of());
    }

    BlockHtml(Mrkdwn mrkdwn, List<Workspace.Person> people, List<Workspace.Channel> channels) {
        this.mrkdwn = mrkdwn;
        this.people = people;
        this.channels = channels;
    }

    /** A message: its blocks when it has some, else its text as mrkdwn (Slack's default for a message's text). */
    String message(String text, JsonNode blocks) {
        if (blocks != null && blocks.isArray() && !blocks.isEmpty()) return blocks(blocks, Map.of());
        return "<div class=\"block section\">" + mrkdwn.html(text) + "</div>";
    }

    /** What a person typed into the composer: shown as sent, with mentions and channels named. */
    String typed(String text) {
        return mrkdwn.literal(text);
    }

    /** A modal or Home view: its title and blocks, with {@code errors} (by block id) under their inputs. */
    String view(JsonNode view, Map<String, String> errors) {
        return "<h2>" + text(view.path("title")) + "</h2>" + blocks(view.path("blocks"), errors);
    }

    String blocks(JsonNode blocks, Map<String, String> errors) {
        StringBuilder out = new StringBuilder();
        for (JsonNode block : blocks) {
            String type = block.path("type").asText();
            out.append("<div class=\"block ").append(escape(type)).append("\">");
            switch (type) {
                case "header" -> out.append(text(block.path("text")));
                case "section" -> section(block, out);
                case "context" -> block.path("elements").forEach(e -> out.append(element(e, block)));
                case "divider" -> { }
                case "image" -> image(block, out);
                case "actions" -> block.path("elements").forEach(e -> out.append(element(e, block)));
                case "input" -> input(block, errors.get(block.path("block_id").asText()), out);
                case "rich_text" -> RichText.render(block, mrkdwn, out);
                default -> out.append("<span class=\"note\">(a ").append(escape(type)).append(" block)</span>");
            }
            out.append("</div>");
        }
        return out.toString();
    }

    private void section(JsonNode block, StringBuilder out) {
        out.append("<div class=\"section-body\"><div class=\"section-text\">");
        if (block.has("text")) out.append(text(block.path("text")));
        if (block.has("fields")) {
            out.append("<div class=\"fields\">");
            block.path("fields").forEach(f -> out.append("<div>").append(text(f)).append("</div>"));
            out.append("</div>");
        }
        out.append("</div>");
        if (block.has("accessory")) out.append("<div class=\"accessory\">").append(element(block.path("accessory"), block)).append("</div>");
        out.append("</div>");
    }

    private void image(JsonNode block, StringBuilder out) {
        out.append("<figure>");
        if (block.has("title")) out.append("<figcaption>").append(text(block.path("title"))).append("</figcaption>");
        out.append("<img src=\"").append(escape(block.path("image_url").asText())).append("\" alt=\"")
                .append(escape(block.path("alt_text").asText())).append("\"></figure>");
    }

    /** A text object: mrkdwn or plain_text. */
    String text(JsonNode object) {
        if (object == null || object.isMissingNode() || object.isNull()) return "";
        if (object.isTextual()) return mrkdwn.plain(object.asText(), true);
        return object.path("type").asText().equals("mrkdwn") ? mrkdwn.html(object.path("text").asText())
                : mrkdwn.plain(object.path("text").asText(), object.path("emoji").asBoolean(true));
    }

    private String element(JsonNode el, JsonNode block) {
        String type = el.path("type").asText();
        return switch (type) {
            case "button" -> button(el, block);
            case "static_select", "users_select", "overflow" -> select(el, action(el, block), null);
            case "datepicker" -> "<input type=\"date\" value=\"" + escape(el.path("initial_date").asText()) + "\" data-action=\""
                    + escape(action(el, block).toString()) + "\">";
            case "image" -> "<img class=\"inline\" src=\"" + escape(el.path("image_url").asText()) + "\" alt=\""
                    + escape(el.path("alt_text").asText()) + "\">";
            case "mrkdwn", "plain_text" -> "<span>" + text(el) + "</span>";
            default -> "<span class=\"note\">(a " + escape(type) + ")</span>";
        };
    }

    private String button(JsonNode el, JsonNode block) {
        ObjectNode action = action(el, block);
        if (el.has("value")) action.put("value", el.path("value").asText());
        action.set("text", el.path("text"));
        String style = el.path("style").asText("");
        String label = text(el.path("text"));
        String button = "<button type=\"button\"" + (style.isEmpty() ? "" : " class=\"" + escape(style) + "\"")
                + " data-action=\"" + escape(action.toString()) + "\">" + label + "</button>";
        return el.has("url") ? "<a class=\"button-link\" href=\"" + escape(el.path("url").asText()) + "\" target=\"_blank\" rel=\"noopener\">"
                + button + "</a>" : button;
    }

    /** What Slack sends for a click or pick on this element, before the picked value is added. */
    private static ObjectNode action(JsonNode el, JsonNode block) {
        ObjectNode action = Workspace.JSON.createObjectNode();
        action.put("type", el.path("type").asText());
        action.put("action_id", el.path("action_id").asText());
        action.put("block_id", block.path("block_id").asText("b"));
        return action;
    }

    /** A select (static, users or overflow); in an input block {@code field} names it, otherwise {@code action} says what picking sends. */
    private String select(JsonNode el, ObjectNode action, String field) {
        String type = el.path("type").asText();
        String initial = el.path("initial_option").path("value").asText(el.path("initial_user").asText(
                el.path("initial_conversation").asText("")));
        StringBuilder out = new StringBuilder("<select");
        if (type.equals("overflow")) out.append(" class=\"overflow\"");
        if (action != null) out.append(" data-action=\"").append(escape(action.toString())).append('"');
        if (field != null) out.append(field);
        out.append("><option value=\"\">")
                .append(type.equals("overflow") ? "⋯" : el.has("placeholder") ? text(el.path("placeholder")) : "Select…")
                .append("</option>");
        if (type.equals("users_select")) {
            for (Workspace.Person person : people) {
                out.append("<option value=\"").append(escape(person.id())).append('"').append(person.id().equals(initial) ? " selected" : "")
                        .append('>').append(escape(person.name())).append("</option>");
            }
        } else if (type.equals("conversations_select")) {
            for (Workspace.Channel channel : channels) {
                out.append("<option value=\"").append(escape(channel.id())).append('"').append(channel.id().equals(initial) ? " selected" : "")
                        .append(">#").append(escape(channel.name())).append("</option>");
            }
        } else {
            options(el.path("options"), initial, out);
            for (JsonNode group : el.path("option_groups")) {
                out.append("<optgroup label=\"").append(escape(group.path("label").path("text").asText())).append("\">");
                options(group.path("options"), initial, out);
                out.append("</optgroup>");
            }
        }
        return out.append("</select>").toString();
    }

    private void options(JsonNode options, String initial, StringBuilder out) {
        for (JsonNode option : options) {
            String value = option.path("value").asText();
            out.append("<option value=\"").append(escape(value)).append("\" data-option=\"").append(escape(option.toString())).append('"')
                    .append(value.equals(initial) ? " selected" : "").append('>').append(text(option.path("text"))).append("</option>");
        }
    }

    private void input(JsonNode block, String error, StringBuilder out) {
        JsonNode el = block.path("element");
        String type = el.path("type").asText("plain_text_input");
        String blockId = block.path("block_id").asText();
        String field = " name=\"" + escape(blockId) + "\" data-block-id=\"" + escape(blockId) + "\" data-action-id=\""
                + escape(el.path("action_id").asText()) + "\" data-type=\"" + escape(type) + "\"";
        out.append("<label>").append(text(block.path("label")));
        if (block.path("optional").asBoolean()) out.append(" <span class=\"note\">(optional)</span>");
        out.append("</label>");
        switch (type) {
            case "static_select", "users_select", "conversations_select" -> out.append(select(el, null, field));
            case "checkboxes" -> {
                out.append("<div").append(field).append('>');
                for (JsonNode option : el.path("options")) {
                    out.append("<label><input type=\"checkbox\" value=\"").append(escape(option.path("value").asText()))
                            .append("\" data-option=\"").append(escape(option.toString())).append("\"> ")
                            .append(text(option.path("text"))).append("</label>");
                }
                out.append("</div>");
            }
            case "datepicker" -> out.append("<input type=\"date\"").append(field).append(" value=\"")
                    .append(escape(el.path("initial_date").asText())).append("\">");
            default -> {
                String placeholder = el.has("placeholder") ? " placeholder=\"" + escape(el.path("placeholder").path("text").asText()) + "\"" : "";
                String initial = escape(el.path("initial_value").asText());
                if (el.path("multiline").asBoolean()) out.append("<textarea").append(field).append(placeholder).append('>').append(initial).append("</textarea>");
                else out.append("<input").append(field).append(placeholder).append(" value=\"").append(initial).append("\">");
            }
        }
        if (block.has("hint")) out.append("<div class=\"note\">").append(text(block.path("hint"))).append("</div>");
        if (error != null) out.append("<div class=\"error\">").append(escape(error)).append("</div>");
    }
}
