package dev.capstan.features.flush;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Akamai's EdgeGrid request signing (EG1-HMAC-SHA256, "API client authentication"): the signing key is the HMAC of
 * the timestamp under the client secret; the signature is the HMAC, under that key, of method, scheme, host, path and
 * query, signed headers (none), the body's SHA-256 (POST only) and the unsigned authorization header, tab-separated.
 */
final class EdgeGrid {
    /** An API client's credentials, from the Akamai Control Center (Identity and access → API clients). */
    record Credentials(String clientToken, String clientSecret, String accessToken) { }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);
    /** The most of a body the signature covers. */
    private static final int MAX_BODY = 131_072;

    private EdgeGrid() {
    }

    /** The Authorization header for this request. */
    static String authorization(Credentials credentials, String method, URI uri, byte[] body, Instant now, String nonce) {
        String unsigned = "EG1-HMAC-SHA256 client_token=" + credentials.clientToken() + ";access_token=" + credentials.accessToken()
                + ";timestamp=" + TIMESTAMP.format(now) + ";nonce=" + nonce + ";";
        String host = uri.getHost().toLowerCase(java.util.Locale.ROOT) + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String contentHash = "POST".equals(method) && body.length > 0 ? sha256(body) : "";
        String data = method + "\thttps\t" + host + "\t" + path + "\t\t" + contentHash + "\t" + unsigned;
        String signingKey = hmac(credentials.clientSecret(), TIMESTAMP.format(now));
        return unsigned + "signature=" + hmac(signingKey, data);
    }

    private static String sha256(byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(body, 0, Math.min(body.length, MAX_BODY));
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
