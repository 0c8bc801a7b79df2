package dev.capstan.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures as Slack, GitHub and CircleCI use them, compared in constant time. */
public final class Hmac {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Hmac() {
    }

    public static String sha256Hex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            char[] out = new char[digest.length * 2];
            for (int i = 0; i < digest.length; i++) {
                out[i * 2] = HEX[(digest[i] >> 4) & 0xF];
                out[i * 2 + 1] = HEX[digest[i] & 0xF];
            }
            return new String(out);
        } catch (Exception e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** True when {@code presented} equals {@code prefix + hex(HMAC(secret, message))}; never short-circuits on content. */
    public static boolean matches(String secret, String message, String prefix, String presented) {
        if (secret == null || secret.isEmpty() || presented == null) return false;
        byte[] expected = (prefix + sha256Hex(secret, message)).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, presented.trim().toLowerCase().getBytes(StandardCharsets.UTF_8));
    }
}
