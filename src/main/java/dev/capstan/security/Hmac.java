package dev.capstan.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures as Slack, GitHub, CircleCI and Capstan's own hooks use them, compared in constant time. */
public final class Hmac {
    private Hmac() {
    }

    public static String sha256Hex(String secret, String message) {
        return sha256Hex(secret, message.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (Exception e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** True when {@code presented} equals {@code prefix + hex(HMAC(secret, message))}; never short-circuits on content. */
    public static boolean matches(String secret, String message, String prefix, String presented) {
        return matches(secret, message.getBytes(StandardCharsets.UTF_8), prefix, presented);
    }

    /** The same over the raw bytes that arrived. */
    public static boolean matches(String secret, byte[] message, String prefix, String presented) {
        if (secret == null || secret.isEmpty() || presented == null) return false;
        byte[] expected = (prefix + sha256Hex(secret, message)).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, presented.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code prefix + message}: the bytes a timestamped scheme signs ("v0:123:" + body, "123." + body). */
    public static byte[] concat(String prefix, byte[] message) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + message.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(message, 0, all, head.length, message.length);
        return all;
    }
}
