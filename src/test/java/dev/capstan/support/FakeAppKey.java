package dev.capstan.support;

import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The GitHub App key pair of the fake: hands out the private key and checks the App JWTs signed with it. */
final class FakeAppKey {
    private final KeyPair keys;
    private final String appId;

    FakeAppKey(String appId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.appId = appId;
    }

    /** PKCS#8 PEM, as GITHUB_APP_PRIVATE_KEY holds it. */
    String privateKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }

    /** True for "Bearer JWT" signed with this key and issued by the App. */
    boolean validJwt(String auth) {
        if (auth == null || !auth.startsWith("Bearer ")) return false;
        try {
            var claims = Jwts.parser().verifyWith(keys.getPublic()).build().parseSignedClaims(auth.substring(7)).getPayload();
            return appId.equals(claims.getIssuer());
        } catch (Exception e) {
            return false;
        }
    }
}
