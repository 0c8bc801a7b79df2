package dev.capstan.support;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * One RSA key pair for every fake of the test JVM that signs in with one (GitHub Apps, Google service accounts): made
 * once, because a 2048-bit pair per fake was most of the suite's CPU.
 */
final class TestKeyPair {
    private TestKeyPair() {
    }

    static KeyPair rsa() {
        return Holder.KEYS;
    }

    /** PKCS#8 PEM of the private key, as GITHUB_APP_PRIVATE_KEY and a service account's JSON hold it. */
    static String privateKeyPem() {
        return Holder.PEM;
    }

    private static final class Holder {
        static final KeyPair KEYS = generate();
        static final String PEM = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
