package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.support.FakeGitHubRepos;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestClock;
import dev.capstan.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;

/** With a public URL configured, {@code /deploy stats} shows a PNG chart that Capstan serves at an unguessable address for a week. */
@OnEveryDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployStatsChartTest {
    private static final String PUBLIC = "https://capstan.example.com";
    @Parameter
    TestDatabases.Kind database;
    DeployFixture fx;

    @BeforeAll
    void start() {
        fx = new DeployFixture(database, DeployFixture.POLICY_YAML, new TestClock(DeployFixture.WEDNESDAY), Map.of("CAPSTAN_PUBLIC_URL", PUBLIC + "/"));
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fx.app.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theReplyShowsAChartImageWithAltTextAndKeepsTheTextBarsAsItsFallback() throws Exception {
        fx.clock.set(DeployFixture.WEDNESDAY);
        DeployFixture.Project p = fx.project();
        long id = p.deploy(ALICE, "/deploy main to staging");
        FakeGitHubRepos.FakeDeployment created = fx.gitHubDeployment(id);
        fx.gitHubEvent("deployment_status", p.deploymentStatus(created.id(), created.sha(), id, "success", null));
        fx.awaitState(id, "succeeded");

        SlashReply reply = p.run(ALICE, "/deploy stats staging");
        JsonNode image = null;
        for (JsonNode block : reply.json().path("blocks")) if (block.path("type").asText().equals("image")) image = block;
        assertThat(image).as("an image block in " + reply.body()).isNotNull();
        assertThat(image.path("alt_text").asText()).contains("Bar chart of deployments over time", "staging: 1 successful and 0 failed changes");
        String url = image.path("image_url").asText();
        assertThat(url).matches(PUBLIC.replace(".", "\\.") + "/deploy/charts/[A-Za-z0-9_-]{43}\\.png");
        assertThat(reply.json().path("text").asText()).contains("██", "1 ok");
        assertThat(reply.json().path("blocks").toString()).as("the blocks show the image instead of the bars").doesNotContain("█");

        HttpResponse<byte[]> png = get(url.substring(PUBLIC.length()));
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/png"));
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');

        assertThat(get("/deploy/charts/" + "A".repeat(43) + ".png").statusCode()).isEqualTo(404);
        fx.clock.set(fx.clock.instant().plus(Duration.ofDays(8)));
        assertThat(get(url.substring(PUBLIC.length())).statusCode()).as("a week later").isEqualTo(404);
    }
}
