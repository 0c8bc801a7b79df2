package dev.capstan.security;

import java.time.Clock;

/**
 * Slack's request signing: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)), with the timestamp no more
 * than five minutes from now in either direction (Bolt's own check lets future timestamps through).
 */
public final class SlackSignatureCheck {
    public static final long WINDOW_SECONDS = 300;
    private final String signingSecret;
    private final Clock clock;

    public SlackSignatureCheck(String signingSecret, Clock clock) {
        this.signingSecret = signingSecret;
        this.clock = clock;
    }

    public boolean verify(String timestamp, String signature, String body) {
        return verify(timestamp, signature, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Checks the signature over the bytes that arrived, whatever their encoding. */
    public boolean verify(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || body == null) return false;
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - ts) > WINDOW_SECONDS) return false;
        return Hmac.matches(signingSecret, Hmac.concat("v0:" + timestamp.trim() + ":", body), "v0=", signature);
    }

    public String sign(long timestamp, String body) {
        return "v0=" + Hmac.sha256Hex(signingSecret, "v0:" + timestamp + ":" + body);
    }
}
