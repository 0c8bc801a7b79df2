package dev.capstan.features.flush;

import com.akamai.edgegrid.signer.ClientCredential;
import com.akamai.edgegrid.signer.EdgeGridV1Signer;
import com.akamai.edgegrid.signer.Request;
import com.akamai.edgegrid.signer.exceptions.RequestSigningException;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * Akamai's EdgeGrid request signing (EG1-HMAC-SHA256, "API client authentication"), done by Akamai's own signer library;
 * Capstan supplies the instant from its clock and the nonce, so a signature can be checked against a known answer.
 */
final class EdgeGrid {
    /** An API client's credentials, from the Akamai Control Center (Identity and access → API clients). */
    record Credentials(String clientToken, String clientSecret, String accessToken) { }

    private EdgeGrid() {
    }

    /** The Authorization header for this request. */
    static String authorization(Credentials credentials, String method, URI uri, byte[] body, Instant now, String nonce) {
        ClientCredential credential = ClientCredential.builder().clientToken(credentials.clientToken())
                .clientSecret(credentials.clientSecret()).accessToken(credentials.accessToken())
                .host(uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() > 0 ? ":" + uri.getPort() : "")).build();
        Request request = Request.builder().method(method).uri(uri).body(body).build();
        try {
            return new At(now, nonce).getSignature(request, credential);
        } catch (RequestSigningException e) {
            throw new IllegalStateException("EdgeGrid could not sign the request: " + e.getMessage(), e);
        }
    }

    /** The signer at Capstan's instant, with the caller's nonce. */
    private static final class At extends EdgeGridV1Signer {
        private final Instant now;
        private final String nonce;

        At(Instant now, String nonce) {
            this.now = now;
            this.nonce = nonce;
        }

        @Override
        protected long getTimestamp() {
            return now.toEpochMilli();
        }

        @Override
        protected String getNonce() {
            return nonce;
        }
    }
}
