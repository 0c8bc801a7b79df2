package dev.capstan.support;

import java.util.Map;

/**
 * Blob storage on localhost holding the seed's allowed-users.csv: wants the SAS token in the query (403 otherwise),
 * answers the blob with its ETag, and 304 Not Modified to an If-None-Match that names the current one.
 */
public final class FakeBlobStore extends FakeCdn {
    public static final String PATH = "/cache-flush-slack-app/allowed-users.csv";
    public static final String SAS = "sas-signature-4b1d0e";

    private volatile String content = "";
    private volatile int version;

    /** Replaces the blob; its ETag changes. */
    public FakeBlobStore put(String csv) {
        content = csv;
        version++;
        return this;
    }

    public String etag() {
        return "\"0x8DC" + version + "\"";
    }

    /** The address allowed_users_csv names, the token left to the secret {@code secretName}. */
    public String urlWithSecret(String secretName) {
        return url() + PATH + "?sig=${secret:" + secretName + "}";
    }

    @Override
    protected Answer answer(Received request) {
        if (!request.path().equals(PATH + "?sig=" + SAS)) return Answer.json(403, "{\"code\":\"AuthenticationFailed\"}");
        if (etag().equals(request.header("If-None-Match"))) return new Answer(304, Map.of("ETag", etag()), "");
        return new Answer(200, Map.of("ETag", etag()), content);
    }
}
