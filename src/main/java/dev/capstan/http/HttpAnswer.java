package dev.capstan.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.capstan.command.PermanentFailure;
import dev.capstan.command.TransientFailure;
import dev.capstan.security.SecretMask;
import java.util.List;
import java.util.Map;

/** What a server answered (with the mask its excerpts pass through): any status is an answer; what it means is the caller's to decide, or {@link #requireSuccess}'s. */
public record HttpAnswer(HttpCall call, int status, Map<String, List<String>> headers, String body, SecretMask secrets) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 300;

    public HttpAnswer {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) return entry.getValue().get(0);
        }
        return null;
    }

    /** The body as JSON; a missing node when it is not JSON. */
    public JsonNode json() {
        if (body.isBlank()) return MissingNode.getInstance();
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return MissingNode.getInstance();
        }
    }

    /** The answer when it is a 2xx; otherwise a failure saying what was refused: 429 and 5xx transient, any other status permanent. */
    public HttpAnswer requireSuccess(String doing) {
        if (ok()) return this;
        String message = doing + " failed: " + call.describe() + " answered " + status + excerpt();
        if (status == 429 || status >= 500) throw new TransientFailure(message, null);
        throw new PermanentFailure(message);
    }

    /** A short, secret-free quote of the body for errors and replies. */
    public String excerpt() {
        if (body.isBlank()) return "";
        String text = secrets.mask(body.strip().replaceAll("\\s+", " "));
        return ": " + (text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
    }
}
