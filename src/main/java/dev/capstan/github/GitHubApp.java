package dev.capstan.github;

import dev.capstan.http.OutboundClient;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.authorization.AuthorizationProvider;
import org.kohsuke.github.authorization.OrgAppInstallationAuthorizationProvider;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;

/**
 * Signs in as a GitHub App installed on one organisation: an RS256 JWT (hub4j + jjwt) buys an installation
 * token, which hub4j refreshes before it expires. See GitHub's "Authenticating as a GitHub App installation".
 */
public final class GitHubApp {
    private final GitHubAppSettings settings;
    private final AuthorizationProvider installation;
    private final GitHub client;

    private final OutboundClient http;

    /** Every call, hub4j's and the raw ones, goes through {@code http}: its timeouts, retries, audit and masking. */
    public GitHubApp(GitHubAppSettings settings, OutboundClient http) {
        this.settings = settings;
        this.http = http;
        PrivateKey key = privateKey(settings.privateKeyPem());
        AuthorizationProvider jwt = new JWTTokenProvider(settings.appId(), key);
        this.installation = new OrgAppInstallationAuthorizationProvider(settings.organization(), jwt);
        try {
            this.client = new GitHubBuilder().withEndpoint(settings.apiUrl()).withConnector(new OutboundGitHubConnector(http))
                    .withAuthorizationProvider(installation).build();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot build the GitHub client for " + settings.apiUrl(), e);
        }
    }

    public GitHub client() {
        return client;
    }

    public String organization() {
        return settings.organization();
    }

    public String apiUrl() {
        return settings.apiUrl();
    }

    /** The platform's client for GitHub, for the few calls hub4j does not wrap (send them with {@link #authorization()}). */
    public OutboundClient http() {
        return http;
    }

    /** The "token …" Authorization header, for the few calls hub4j does not wrap. */
    public String authorization() throws IOException {
        return installation.getEncodedAuthorization();
    }

    /** Parses a PKCS#8 PEM ("BEGIN PRIVATE KEY"); literal "\n" sequences from one-line env values are accepted. */
    static PrivateKey privateKey(String pem) {
        String body = pem.replace("\\n", "\n")
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("GITHUB_APP_PRIVATE_KEY is PKCS#1; convert it with "
                    + "`openssl pkcs8 -topk8 -nocrypt -in key.pem` and use the 'BEGIN PRIVATE KEY' form");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("GITHUB_APP_PRIVATE_KEY is not a PKCS#8 RSA private key in PEM form");
        }
    }
}
