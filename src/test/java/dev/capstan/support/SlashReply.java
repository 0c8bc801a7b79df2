package dev.capstan.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** What Slack got back for a request: the HTTP status and the ack body, read as a person would see it. */
public record SlashReply(int status, String body, String responseUrl) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + body);
        }
    }

    /** The text and every text in the blocks. */
    public String text() {
        return body.isEmpty() ? "" : Texts.allText(json());
    }

    public String responseType() {
        return json().path("response_type").asText();
    }

    /** Buttons shown in the reply, as (action_id, value, text). */
    public List<Button> buttons() {
        List<Button> buttons = new ArrayList<>();
        for (JsonNode block : json().path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if ("button".equals(element.path("type").asText())) {
                    buttons.add(new Button(element.path("action_id").asText(), element.path("value").asText(),
                            element.path("text").path("text").asText()));
                }
            }
        }
        return buttons;
    }

    public Button button(String text) {
        return buttons().stream().filter(b -> b.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("No button '" + text + "' in " + body));
    }

    /** One button in a message. */
    public record Button(String actionId, String value, String text) { }
}
