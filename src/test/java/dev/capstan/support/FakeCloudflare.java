package dev.capstan.support;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Cloudflare's purge_cache on localhost: wants the test token as a Bearer (403 otherwise); answers success with a CF-Ray. */
public final class FakeCloudflare extends FakeCdn {
    public static final String TOKEN = "cloudflare-test-token";

    private final AtomicInteger ids = new AtomicInteger();

    @Override
    protected Answer answer(Received request) {
        if (!("Bearer " + TOKEN).equals(request.header("Authorization"))) {
            return new Answer(403, Map.of("CF-Ray", "ray-denied"),
                    "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],\"messages\":[],\"result\":null}");
        }
        int id = ids.incrementAndGet();
        return new Answer(200, Map.of("CF-Ray", "ray-" + id),
                "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"cf-" + id + "\"}}");
    }
}
