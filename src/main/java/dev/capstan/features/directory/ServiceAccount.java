package dev.capstan.features.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import dev.capstan.http.OutboundClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A Google service account signing in with its JSON key: an RS256 JWT assertion exchanged at the key's token_uri
 * for an access token (Google's "Using OAuth 2.0 for Server to Server Applications"). Tokens are reused until
 * shortly before they expire.
 */
final class ServiceAccount {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCOPE = "https://www.googleapis.com/auth/drive";
    private final String email;
    private final PrivateKey key;
    private final String tokenUri;
    private final String subject;
    private final OutboundClient http;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.MIN;

    private ServiceAccount(String email, PrivateKey key, String tokenUri, String subject, OutboundClient http, Clock clock) {
        this.email = email;
        this.key = key;
        this.tokenUri = tokenUri;
        this.subject = subject;
        this.http = http;
        this.clock = clock;
    }

    /** Where the key signs in (its token_uri), so the caller can allow that host. */
    public static String tokenUri(String json) {
        try {
            return JSON.readTree(json).path("token_uri").asText("https://oauth2.googleapis.com/token");
        } catch (IOException e) {
            return "https://oauth2.googleapis.com/token";
        }
    }

    /**
     * Reads the JSON key file's content (client_email, private_key, token_uri). With a {@code subject} (an email), the
     * account acts for that user through domain-wide delegation: the assertion's {@code sub} claim names them.
     */
    public static ServiceAccount fromJson(String json, String subject, OutboundClient http, Clock clock) {
        try {
            JsonNode node = JSON.readTree(json);
            String pem = node.path("private_key").asText();
            byte[] der = Base64.getDecoder().decode(pem.replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new ServiceAccount(node.path("client_email").asText(), key,
                    node.path("token_uri").asText("https://oauth2.googleapis.com/token"), subject, http, clock);
        } catch (Exception e) {
            throw new IllegalArgumentException("GOOGLE_SERVICE_ACCOUNT_JSON is not a service account key (client_email, private_key)");
        }
    }

    public String email() {
        return email;
    }

    /** The user this account acts for (GCP_SERVICE_ACCOUNT_SUBJECT), or null when it acts as itself. */
    public String subject() {
        return subject;
    }

    /** A valid access token, fetched anew when the last one is about to expire. */
    public synchronized String accessToken() throws IOException {
        Instant now = clock.instant();
        if (token != null && now.isBefore(expires.minus(Duration.ofMinutes(1)))) return token;
        var claims = Jwts.builder().issuer(email).audience().add(tokenUri).and().claim("scope", SCOPE)
                .issuedAt(Date.from(now)).expiration(Date.from(now.plus(Duration.ofHours(1))));
        if (subject != null) claims.subject(subject);
        String assertion = claims.signWith(key, Jwts.SIG.RS256).compact();
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + assertion;
        HttpAnswer response;
        try {
            response = http.send(HttpCall.post(tokenUri).body("application/x-www-form-urlencoded", form).retrySafe());
        } catch (RuntimeException noAnswer) {
            throw new IOException(noAnswer.getMessage(), noAnswer);
        }
        if (response.status() != 200) throw new IOException("Google refused the service account sign-in (HTTP " + response.status() + ")");
        JsonNode body = JSON.readTree(response.body());
        token = body.path("access_token").asText();
        expires = now.plusSeconds(body.path("expires_in").asLong(3600));
        return token;
    }
}
