package dev.capstan.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads what a person would see in a Slack message: its text and every text inside its blocks. */
public final class Texts {
    private Texts() {
    }

    public static String allText(JsonNode message) {
        List<String> parts = new ArrayList<>();
        if (message.hasNonNull("text")) parts.add(message.get("text").asText());
        collect(message.path("blocks"), parts);
        return String.join("\n", parts);
    }

    /** Every "text" string nested anywhere in the blocks (sections, fields, context, buttons). */
    public static String blocksText(JsonNode message) {
        List<String> parts = new ArrayList<>();
        collect(message.path("blocks"), parts);
        return String.join("\n", parts);
    }

    private static void collect(JsonNode node, List<String> parts) {
        if (node.isObject()) {
            JsonNode text = node.get("text");
            if (text != null && text.isTextual()) parts.add(text.asText());
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("text") || !e.getValue().isTextual()) collect(e.getValue(), parts);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, parts));
        }
    }
}
