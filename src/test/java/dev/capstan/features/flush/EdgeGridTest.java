package dev.capstan.features.flush;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** EdgeGrid signatures match the known answers Akamai publishes with its clients' shared test data. */
class EdgeGridTest {
    private static final EdgeGrid.Credentials CREDENTIALS = new EdgeGrid.Credentials("akab-client-token-xxx-xxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=", "akab-access-token-xxx-xxxxxxxxxxxxxxxx");
    private static final String BASE = "https://akaa-baseurl-xxxxxxxxxxx-xxxxxxxxxxxxx.luna.akamaiapis.net";
    private static final Instant AT = Instant.parse("2014-03-21T19:34:21Z");
    private static final String NONCE = "nonce-xx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
    private static final String UNSIGNED = "EG1-HMAC-SHA256 client_token=akab-client-token-xxx-xxxxxxxxxxxxxxxx;"
            + "access_token=akab-access-token-xxx-xxxxxxxxxxxxxxxx;timestamp=20140321T19:34:21+0000;nonce=" + NONCE + ";";

    @Test
    void aSimpleGetIsSignedAsAkamaisTestDataSays() {
        String header = EdgeGrid.authorization(CREDENTIALS, "GET", URI.create(BASE + "/"), new byte[0], AT, NONCE);

        assertThat(header).isEqualTo(UNSIGNED + "signature=tL+y4hxyHxgWVD30X3pWnGKHcPzmrIF+LThiAOhMxYU=");
    }

    @Test
    void aPostSignsTheHashOfItsBodyAsAkamaisTestDataSays() {
        byte[] body = "datadatadatadatadatadatadatadata".getBytes(StandardCharsets.UTF_8);

        String header = EdgeGrid.authorization(CREDENTIALS, "POST", URI.create(BASE + "/testapi/v1/t3"), body, AT, NONCE);

        assertThat(header).isEqualTo(UNSIGNED + "signature=hXm4iCxtpN22m4cbZb4lVLW5rhX8Ca82vCFqXzSTPe4=");
    }
}
