package dev.capstan.features.playground;

import static dev.capstan.features.playground.Mrkdwn.escape;

import com.fasterxml.jackson.databind.JsonNode;

/** Slack's rich_text block as HTML: sections, lists, preformatted text and quotes, each made of styled pieces. */
final class RichText {
    private RichText() {
    }

    static void render(JsonNode block, Mrkdwn mrkdwn, StringBuilder out) {
        for (JsonNode part : block.path("elements")) container(part, mrkdwn, out);
    }

    private static void container(JsonNode part, Mrkdwn mrkdwn, StringBuilder out) {
        switch (part.path("type").asText()) {
            case "rich_text_list" -> {
                String tag = part.path("style").asText().equals("ordered") ? "ol" : "ul";
                out.append('<').append(tag).append('>');
                for (JsonNode item : part.path("elements")) {
                    out.append("<li>");
                    pieces(item, mrkdwn, out);
                    out.append("</li>");
                }
                out.append("</").append(tag).append('>');
            }
            case "rich_text_preformatted" -> {
                out.append("<pre>");
                pieces(part, mrkdwn, out);
                out.append("</pre>");
            }
            case "rich_text_quote" -> {
                out.append("<blockquote>");
                pieces(part, mrkdwn, out);
                out.append("</blockquote>");
            }
            default -> {
                out.append("<div>");
                pieces(part, mrkdwn, out);
                out.append("</div>");
            }
        }
    }

    private static void pieces(JsonNode container, Mrkdwn mrkdwn, StringBuilder out) {
        for (JsonNode piece : container.path("elements")) {
            String html = switch (piece.path("type").asText()) {
                case "text" -> escape(piece.path("text").asText()).replace("\n", "<br>");
                case "link" -> mrkdwn.literal("<" + piece.path("url").asText()
                        + (piece.has("text") ? "|" + piece.path("text").asText() : "") + ">");
                case "user" -> mrkdwn.literal("<@" + piece.path("user_id").asText() + ">");
                case "channel" -> mrkdwn.literal("<#" + piece.path("channel_id").asText() + ">");
                case "usergroup" -> mrkdwn.literal("<!subteam^" + piece.path("usergroup_id").asText() + ">");
                case "broadcast" -> mrkdwn.literal("<!" + piece.path("range").asText() + ">");
                case "emoji" -> mrkdwn.plain(":" + piece.path("name").asText() + ":"
                        + (piece.has("skin_tone") ? ":skin-tone-" + piece.path("skin_tone").asInt() + ":" : ""), true);
                case "date" -> mrkdwn.literal("<!date^" + piece.path("timestamp").asLong() + "^" + piece.path("format").asText()
                        + (piece.has("url") ? "^" + piece.path("url").asText() : "") + "|" + piece.path("fallback").asText() + ">");
                default -> "";
            };
            JsonNode style = piece.path("style");
            if (style.path("code").asBoolean()) html = "<code>" + html + "</code>";
            if (style.path("bold").asBoolean()) html = "<b>" + html + "</b>";
            if (style.path("italic").asBoolean()) html = "<i>" + html + "</i>";
            if (style.path("strike").asBoolean()) html = "<s>" + html + "</s>";
            out.append(html);
        }
    }
}
