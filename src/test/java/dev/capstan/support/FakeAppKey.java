package dev.capstan.support;

import io.jsonwebtoken.Jwts;
import java.security.KeyPair;

/** The GitHub App key of the fake (the JVM's one test key pair): hands out the private key and checks the App JWTs signed with it. */
final class FakeAppKey {
    private final KeyPair keys;
    private final String appId;

    FakeAppKey(String appId) {
        keys = TestKeyPair.rsa();
        this.appId = appId;
    }

    /** PKCS#8 PEM, as GITHUB_APP_PRIVATE_KEY holds it. */
    String privateKeyPem() {
        return TestKeyPair.privateKeyPem();
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
