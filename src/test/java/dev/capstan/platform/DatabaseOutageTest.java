package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.CuttableProxy;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The database gone for a while ({@code -Doutage.seconds}, 10 by default; a minute in the longer run of
 * docs/reliability.md): Slack still gets a 200 and a clear answer, /readyz says not ready, and once the database is
 * back every command acknowledged before the outage is answered and new ones work, without a restart.
 */
class DatabaseOutageTest {
    private static final int OUTAGE_SECONDS = Integer.getInteger("outage.seconds", 10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void whileTheDatabaseIsDownSlackGetsAnAnswerAndAfterwardsEverythingAckedIsAnswered() throws Exception {
        URI real = URI.create(TestDatabases.freshUrl(TestDatabases.Kind.POSTGRES).substring("jdbc:".length()));
        try (CuttableProxy proxy = new CuttableProxy(real.getHost(), real.getPort())) {
            String throughProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + real.getPath() + "?" + real.getQuery();
            TestApp app = TestApp.on(TestDatabases.Kind.H2).database(throughProxy).feature(new DemoFamily()).start();
            try {
                app.slack().slowDown(Duration.ofMillis(1500));
                List<SlashReply> before = new ArrayList<>();
                for (int i = 0; i < 5; i++) before.add(app.as("UOUTAGE01").run("/capstan demo slow before-" + i));
                assertThat(before).allSatisfy(r -> assertThat(r.text()).containsIgnoringCase("working on"));
                proxy.cut();
                SlashReply during = app.as("UOUTAGE01").run("/capstan demo slow during");
                assertThat(during.status()).isEqualTo(200);
                assertThat(during.text()).isNotBlank();
                assertThat(readiness(app)).isEqualTo(503);
                Thread.sleep(OUTAGE_SECONDS * 1000L);
                proxy.mend();
                app.slack().slowDown(Duration.ZERO);
                for (SlashReply acked : before) {
                    assertThat(app.slack().awaitPosts(acked.responseUrl(), 1, Duration.ofSeconds(60)).get(0).text()).startsWith("slow done");
                }
                SlashReply after = app.as("UOUTAGE01").run("/capstan demo slow after");
                assertThat(app.slack().awaitPosts(after.responseUrl(), 1).get(0).text()).isEqualTo("slow done: after");
                assertThat(readiness(app)).isEqualTo(200);
            } finally {
                app.closeAll();
            }
        }
    }

    private static int readiness(TestApp app) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/readyz")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
