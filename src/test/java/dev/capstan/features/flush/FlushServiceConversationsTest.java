package dev.capstan.features.flush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.app.Config;
import dev.capstan.security.MaskingConverter;
import dev.capstan.support.FakeCdn;
import dev.capstan.support.FakeFlushService;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.ModalInputs;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * A site on the team's own flush service ({@code provider: http}), configured as the issue writes it: the checked
 * order goes there as JSON, the secret code in its URL never shows, and its answer decides success, partial or failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class FlushServiceConversationsTest {
    private static final String ALICE = "UALICE001";
    private static final String AUDIT = "C0AUDIT001";

    @Parameter
    TestDatabases.Kind database;
    FakeFlushService service;
    TestApp app;

    @BeforeParameterizedClassInvocation
    void start() {
        service = new FakeFlushService();
        app = TestApp.on(database).admins("UADA00001").env("FLUSH_FUNCTION_CODE", FakeFlushService.CODE).feature(new Flush())
                .yaml(yaml(service.urlWithSecret("FLUSH_FUNCTION_CODE"))).start();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        app.closeAll();
        service.close();
    }

    private static String yaml(String url) {
        return """
                access:
                  - command: flush own
                    allow_users: [%s]
                families:
                  flush:
                    sites: { own: { provider: http, http: { url: "%s" }, hosts: [example.com], kinds: [url, tag, everything], audit_channel: %s } }
                """.formatted(ALICE, url, AUDIT);
    }

    private void submit(String viewId, String kind, String mode, String targets) {
        app.as(ALICE).submit(FlushViews.CALLBACK_ID, "CGENERAL", ModalInputs.of().option(FlushViews.SITE, "own")
                .option(FlushViews.KIND, kind).option(FlushViews.MODE, mode).text(FlushViews.TARGETS, targets), viewId);
    }

    private FakeSlack.ApiCall dm(String text) {
        return app.slack().awaitMessages(c -> ALICE.equals(c.arg("channel")) && (c.arg("text") + c.arg("blocks")).contains(text), 1).get(0);
    }

    private FakeCdn.Received received(String target) {
        return service.await(r -> r.body().contains(target), 1).get(0);
    }

    @Test
    void aPurgePostsTheCheckedTargetsAsJsonWithWhoAskedToTheServicesUrlWithItsSecretCode() {
        submit("VHTTP1", "url", "invalidate", "https://example.com/a-page\n\nhttps://example.com/a-page\n");

        FakeCdn.Received request = received("a-page");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(FakeFlushService.PATH + "?code=" + FakeFlushService.CODE);
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonNode body = request.json();
        assertThat(body.path("site").asText()).isEqualTo("own");
        assertThat(body.path("kind").asText()).isEqualTo("url");
        assertThat(body.path("mode").asText()).isEqualTo("invalidate");
        assertThat(body.path("targets").toString()).isEqualTo("[\"https://example.com/a-page\"]");
        assertThat(body.path("requested_by").asText()).isEqualTo(ALICE);
        assertThat(body.path("purge_id").asText()).isNotBlank();
        assertThat(dm("a-page").arg("blocks")).contains("Cache purged").contains("own (your flush service)")
                .contains("flush-").contains("about 5 s");
    }

    @Test
    void targetsTheServiceListsAsFailedMakeAPartialResultThatNamesThemAndWhy() {
        submit("VHTTP2", "url", "delete", "https://example.com/fresh-one\nhttps://example.com/stale-one");

        String blocks = dm("stale-one").arg("blocks");
        assertThat(blocks).contains("Cache partly purged").contains("1 of 2 URLs failed")
                .contains("https://example.com/stale-one: not in the cache");
        assertThat(app.slack().awaitMessages(c -> AUDIT.equals(c.arg("channel")) && c.arg("blocks").contains("stale-one"), 1))
                .singleElement().satisfies(post -> assertThat(post.arg("blocks")).contains("Cache partly purged"));
        assertThat(app.as(ALICE).run("/flush history --site own").text()).contains("partly failed");
    }

    @Test
    void aRefusalWithAMessageFailsThePurgeWithTheServicesWordsAndTheSecretMasked() {
        service.scriptNext(FakeCdn.Answer.json(403, "{\"message\":\"Some URLs can not be flushed (key "
                + FakeFlushService.CODE + ")\"}"));

        submit("VHTTP3", "url", "delete", "https://example.com/refused-page");

        String blocks = dm("refused-page").arg("blocks");
        assertThat(blocks).contains("Cache purge failed").contains("status 403").contains("Some URLs can not be flushed")
                .doesNotContain(FakeFlushService.CODE);
    }

    @Test
    void aTwoHundredThatSaysFailedIsAFailureAndAnEmptyTwoHundredASuccess() {
        service.scriptNext(FakeCdn.Answer.json(200, "{\"status\":\"failed\",\"message\":\"origin unreachable\"}"));
        submit("VHTTP4", "tag", "delete", "said-failed-tag");
        assertThat(dm("said-failed-tag").arg("blocks")).contains("Cache purge failed").contains("origin unreachable");

        service.scriptNext(FakeCdn.Answer.json(204, ""));
        submit("VHTTP5", "tag", "delete", "no-body-tag");
        assertThat(dm("no-body-tag").arg("blocks")).contains("Cache purged");
    }

    @Test
    void theSecretCodeIsMaskedInTheAuditLogAndEveryLogLine() {
        submit("VHTTP6", "url", "delete", "https://example.com/audited-page");
        dm("audited-page");

        LoggingEvent line = new LoggingEvent();
        line.setMessage("code=" + FakeFlushService.CODE);
        assertThat(new MaskingConverter().convert(line)).isEqualTo("code=•••");
        assertThat(app.as("UADA00001").run("/capstan audit --kind http").text()).contains("POST 127.0.0.1").contains("/api/purge")
                .doesNotContain(FakeFlushService.CODE);
    }

    @Test
    void aSecretTheUrlNamesThatIsNotSetStopsStartUp() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(database).feature(new Flush())
                .yaml(yaml(service.urlWithSecret("FLUSH_CODE_NOT_SET"))).start());

        assertThat(invalid.problems()).containsExactly(
                "flush: sites.own.http.url: the secret FLUSH_CODE_NOT_SET is not set (set FLUSH_CODE_NOT_SET or FLUSH_CODE_NOT_SET_FILE)");
    }

    @Test
    void aSecretInTheHostIsRefused() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(database).feature(new Flush())
                .yaml(yaml("https://${secret:FLUSH_FUNCTION_CODE}.example/api/purge")).start());

        assertThat(invalid.problems()).contains("families.flush.sites.own.http: url: a ${secret:…} may fill the path or the query, not the host");
    }

    @Test
    void theReadmesExampleStartsAndOffersTheSite() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        int start = readme.indexOf("```yaml\n", readme.indexOf("**Your own flush service**")) + "```yaml\n".length();
        String yaml = "access:\n  - command: flush own\n    allow_users: [" + ALICE + "]\n" + readme.substring(start, readme.indexOf("```", start));

        try (TestApp readmeApp = TestApp.on(database).env("FLUSH_FUNCTION_CODE", "readme-code-123").feature(new Flush()).yaml(yaml).start()) {
            assertThat(readmeApp.as(ALICE).run("/flush https://example.com/").text()).contains("Opened the cache flush form");
        }
    }
}
