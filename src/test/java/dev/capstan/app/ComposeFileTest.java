package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** compose.yaml: what a container operator can set, and how Compose learns that Capstan is ready. */
class ComposeFileTest {
    private static JsonNode capstan() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(Path.of("compose.yaml").toFile()).path("services").path("capstan");
    }

    @Test
    void everyOptionalVariableIsPassedThroughAndEmptyWhenUnset() throws Exception {
        JsonNode environment = capstan().path("environment");
        for (String name : List.of("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "CAPSTAN_ADMINS", "CAPSTAN_CONFIG",
                "GITHUB_WEBHOOK_SECRET", "GITHUB_API_URL", "GITHUB_APP_ID", "GITHUB_APP_PRIVATE_KEY", "GITHUB_ORG",
                "GOOGLE_SERVICE_ACCOUNT_JSON")) {
            assertThat(environment.path(name).asText()).as(name).isEqualTo("${" + name + ":-}");
        }
    }

    @Test
    void theDatabaseUrlCanBeGivenWhole() throws Exception {
        assertThat(capstan().path("environment").path("DATABASE_URL").asText()).startsWith("${DATABASE_URL:-postgres://");
    }

    @Test
    void theConfigDirectoryIsMountedReadOnlyAndTheHealthCheckAsksReadyz() throws Exception {
        assertThat(capstan().path("volumes").get(0).asText()).isEqualTo("./config:/app/config:ro");
        assertThat(capstan().path("healthcheck").path("test").toString()).contains("/readyz");
    }
}
