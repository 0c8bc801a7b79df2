package dev.capstan.slack;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import dev.capstan.command.Reply;

/** The JSON bodies Slack expects for acks and response_url posts, built with the SDK's own Gson settings. */
public final class SlackJson {
    static final Gson GSON = GsonFactory.createSnakeCase();

    private SlackJson() {
    }

    public static String message(SlackMessage message, Reply.Visibility visibility, Boolean replaceOriginal) {
        JsonObject body = new JsonObject();
        body.addProperty("response_type", visibility == Reply.Visibility.IN_CHANNEL ? "in_channel" : "ephemeral");
        body.addProperty("text", message.text());
        if (!message.blocks().isEmpty()) body.add("blocks", blocks(message));
        if (replaceOriginal != null) body.addProperty("replace_original", replaceOriginal);
        return GSON.toJson(body);
    }

    /** A view as Slack's JSON, the way the SDK sends it: to keep it (in a job's data) and send it later as it is. */
    public static String view(View view) {
        return GSON.toJson(view);
    }

    static JsonArray blocks(SlackMessage message) {
        return GSON.toJsonTree(message.blocks()).getAsJsonArray();
    }

    static String blocksAsString(SlackMessage message) {
        return GSON.toJson(message.blocks());
    }
}
