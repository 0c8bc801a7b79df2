package dev.capstan.features.directory.drive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
public final class ServiceAccount {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCOPE = "https://www.googleapis.com/auth/drive";
    private final String email;
    private final PrivateKey key;
    private final String tokenUri;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.MIN;

    private ServiceAccount(String email, PrivateKey key, String tokenUri, HttpClient http, Clock clock) {
        this.email = email;
        this.key = key;
        this.tokenUri = tokenUri;
        this.http = http;
        this.clock = clock;
    }

    /** Reads the JSON key file's content (client_email, private_key, token_uri). */
    public static ServiceAccount fromJson(String json, HttpClient http, Clock clock) {
        try {
            JsonNode node = JSON.readTree(json);
            String pem = node.path("private_key").asText();
            byte[] der = Base64.getDecoder().decode(pem.replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new ServiceAccount(node.path("client_email").asText(), key,
                    node.path("token_uri").asText("https://oauth2.googleapis.com/token"), http, clock);
        } catch (Exception e) {
            throw new IllegalArgumentException("GOOGLE_SERVICE_ACCOUNT_JSON is not a service account key (client_email, private_key)");
        }
    }

    public String email() {
        return email;
    }

    /** A valid access token, fetched anew when the last one is about to expire. */
    public synchronized String accessToken() throws IOException {
        Instant now = clock.instant();
        if (token != null && now.isBefore(expires.minus(Duration.ofMinutes(1)))) return token;
        String assertion = Jwts.builder().issuer(email).audience().add(tokenUri).and().claim("scope", SCOPE)
                .issuedAt(Date.from(now)).expiration(Date.from(now.plus(Duration.ofHours(1)))).signWith(key, Jwts.SIG.RS256).compact();
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + assertion;
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUri))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(http, request);
        if (response.statusCode() != 200) throw new IOException("Google refused the service account sign-in (HTTP " + response.statusCode() + ")");
        JsonNode body = JSON.readTree(response.body());
        token = body.path("access_token").asText();
        expires = now.plusSeconds(body.path("expires_in").asLong(3600));
        return token;
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
