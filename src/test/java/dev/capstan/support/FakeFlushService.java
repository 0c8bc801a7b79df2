package dev.capstan.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A team's own flush service on localhost (like the seed's Azure function): wants {@code ?code=} to be its key (401
 * otherwise, as Azure's function keys do), answers {@code {"status":"succeeded","id":…,"estimated_seconds":5}}, and
 * lists every target containing "stale" under {@code failed} with a reason, so a partial result can be seen.
 */
public final class FakeFlushService extends FakeCdn {
    public static final String CODE = "azure-function-code-7f3a9c";
    public static final String PATH = "/api/purge";

    private final AtomicInteger ids = new AtomicInteger();

    /** The URL a site's http.url should have, the code left to the secret {@code secretName}. */
    public String urlWithSecret(String secretName) {
        return url() + PATH + "?code=${secret:" + secretName + "}";
    }

    @Override
    protected Answer answer(Received request) {
        if (!request.path().equals(PATH + "?code=" + CODE)) return Answer.json(401, "");
        ArrayNode failed = JSON.createArrayNode();
        for (JsonNode target : request.json().path("targets")) {
            if (target.asText().contains("stale")) failed.addObject().put("target", target.asText()).put("reason", "not in the cache");
        }
        ObjectNode body = JSON.createObjectNode().put("status", failed.isEmpty() ? "succeeded" : "partial")
                .put("id", "flush-" + ids.incrementAndGet()).put("estimated_seconds", 5);
        if (!failed.isEmpty()) body.set("failed", failed);
        return Answer.json(200, body.toString());
    }
}
