package dev.capstan.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fastly's purge API on localhost: wants the test token in Fastly-Key (401 otherwise), answers a URL purge with
 * {@code {"status":"ok","id":…}}, a bulk key purge with key → purge id (400 above 256 keys), purge_all with ok.
 */
public final class FakeFastly extends FakeCdn {
    public static final String TOKEN = "fastly-test-token";

    private final AtomicInteger ids = new AtomicInteger();

    @Override
    protected Answer answer(Received request) {
        if (!TOKEN.equals(request.header("Fastly-Key"))) {
            return Answer.json(401, "{\"msg\":\"Provided credentials are missing or invalid\"}");
        }
        if (request.path().endsWith("/purge_all")) return Answer.json(200, "{\"status\":\"ok\"}");
        if (request.path().startsWith("/service/")) {
            var keys = request.json().path("surrogate_keys");
            if (keys.size() > 256) {
                return Answer.json(400, "{\"msg\":\"Batch surrogate key request only supports up to 256 surrogate keys\"}");
            }
            StringBuilder body = new StringBuilder("{");
            for (var key : keys) body.append(body.length() > 1 ? "," : "").append(JSON.getNodeFactory().textNode(key.asText()).toString()).append(":\"k-").append(ids.incrementAndGet()).append('"');
            return Answer.json(200, body.append('}').toString());
        }
        return Answer.json(200, "{\"status\":\"ok\",\"id\":\"u-" + ids.incrementAndGet() + "\"}");
    }
}
