package dev.capstan.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** /readyz is what a load balancer and compose's health check trust: it must say "not ready" when it is not. */
class ReadinessTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void readinessTurnsFalseWhenAMigrationIsNoLongerApplied() throws Exception {
        try (TestApp app = TestApp.on(TestDatabases.Kind.H2).start()) {
            assertThat(get(app, "/readyz")).isEqualTo("200 ready");
            app.capstan().database().jdbi().useHandle(h -> h.execute(
                    "delete from \"flyway_schema_history\" where \"installed_rank\" = (select max(\"installed_rank\") from \"flyway_schema_history\")"));
            assertThat(get(app, "/readyz")).isEqualTo("503 not ready");
            assertThat(get(app, "/healthz")).isEqualTo("200 ok");
        }
    }

    private static String get(TestApp app, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
