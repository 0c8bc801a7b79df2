package dev.capstan.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Akamai Fast Purge v3 on localhost: checks each request's EdgeGrid signature against the test credentials (401 when
 * it does not match), refuses bodies of 50,000 bytes or more (413) and accepts the rest with 201, as Akamai does.
 */
public final class FakeAkamai extends FakeCdn {
    public static final String CLIENT_TOKEN = "akab-client-token-test";
    public static final String CLIENT_SECRET = "dGVzdC1jbGllbnQtc2VjcmV0";
    public static final String ACCESS_TOKEN = "akab-access-token-test";

    private final AtomicInteger ids = new AtomicInteger();

    @Override
    protected Answer answer(Received request) {
        if (!signatureMatches(request)) {
            return Answer.json(401, "{\"type\":\"https://problems.luna.akamaiapis.net/-/pep-authn/request-error\",\"title\":\"Bad request\","
                    + "\"status\":401,\"detail\":\"The signature does not match\"}");
        }
        if (request.body().getBytes(StandardCharsets.UTF_8).length >= 50_000) {
            return Answer.json(413, "{\"httpStatus\":413,\"title\":\"Request Entity Too Large\",\"supportId\":\"17PY-413\"}");
        }
        int id = ids.incrementAndGet();
        return Answer.json(201, "{\"httpStatus\":201,\"detail\":\"Request accepted\",\"estimatedSeconds\":5,"
                + "\"purgeId\":\"edcp-" + id + "\",\"supportId\":\"17PY" + id + "\"}");
    }

    /** The EdgeGrid check, written from Akamai's description independently of the code under test. */
    public static boolean signatureMatches(Received request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.startsWith("EG1-HMAC-SHA256 ")) return false;
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : authorization.substring("EG1-HMAC-SHA256 ".length()).split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
        if (!CLIENT_TOKEN.equals(fields.get("client_token")) || !ACCESS_TOKEN.equals(fields.get("access_token"))) return false;
        String timestamp = fields.get("timestamp");
        String signed = authorization.substring(0, authorization.indexOf("signature="));
        String bodyHash = request.body().isEmpty() ? "" : base64(sha256(request.body().getBytes(StandardCharsets.UTF_8)));
        String data = String.join("\t", request.method(), "https", request.header("Host"), request.path(), "", bodyHash, signed);
        String key = base64(hmac(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), timestamp));
        String expected = base64(hmac(key.getBytes(StandardCharsets.UTF_8), data));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), fields.getOrDefault("signature", "").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
