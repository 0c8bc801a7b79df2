package dev.capstan.features.flush;

import static dev.capstan.features.flush.FlushWorld.ADA;
import static dev.capstan.features.flush.FlushWorld.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.FakeCdn;
import dev.capstan.support.FakeCloudflare;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Purging on Cloudflare: files 30 per call (the site's setting), tags, hosts and prefixes 100 per call, everything; a Bearer token. */
@OnEveryDatabase
class CloudflarePurgeTest {
    @Parameter
    TestDatabases.Kind database;
    private static final String PURGE_CACHE = "/client/v4/zones/Z1/purge_cache";
    private static FlushWorld world;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabases.Kind database) {
        world = new FlushWorld(database, null);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        world.close();
    }

    @Test
    void sixtyOneUrlsGoAsFilesInCallsOfThirtyWithTheBearerToken() {
        List<String> urls = IntStream.range(0, 61).mapToObj(i -> "https://www.example.com/files/" + i).toList();

        world.submit(ALICE, "VCF1", "blog", "url", "delete", String.join("\n", urls));

        List<FakeCdn.Received> calls = world.cloudflare.await(r -> r.body().contains("/files/"), 3);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.path()).isEqualTo(PURGE_CACHE);
            assertThat(call.header("Authorization")).isEqualTo("Bearer " + FakeCloudflare.TOKEN);
        });
        assertThat(calls).extracting(call -> call.json().path("files").size()).containsExactlyInAnyOrder(30, 30, 1);
        String dm = world.dm(ALICE, "/files/0").arg("blocks");
        assertThat(dm).contains("Cache purged").contains("61 URLs").contains("cf-").doesNotContain("failed");
    }

    @Test
    void tagsHostsAndPrefixesEachHaveTheirOwnFieldAndAHundredPerCall() {
        List<String> tags = IntStream.range(0, 150).mapToObj(i -> "blogtag-" + i).toList();

        world.submit(ALICE, "VCF2", "blog", "tag", "delete", String.join("\n", tags));
        world.submit(ALICE, "VCF3", "blog", "host", "delete", "www.example.com");
        world.submit(ALICE, "VCF4", "blog", "prefix", "delete", "https://www.example.com/prefix-test/");

        assertThat(world.cloudflare.await(r -> r.body().contains("blogtag-"), 2))
                .extracting(call -> call.json().path("tags").size()).containsExactlyInAnyOrder(100, 50);
        assertThat(world.cloudflare.await(r -> r.json().has("hosts"), 1).get(0).body()).isEqualTo("{\"hosts\":[\"www.example.com\"]}");
        assertThat(world.cloudflare.await(r -> r.json().has("prefixes"), 1).get(0).body())
                .isEqualTo("{\"prefixes\":[\"www.example.com/prefix-test/\"]}");
    }

    @Test
    void anAdminPurgesTheWholeZoneAfterConfirming() {
        SlashReply question = world.app.as(ADA).run("/flush everything blog");
        world.app.as(ADA).click(question.button("Confirm"));

        assertThat(question.text()).contains("(Cloudflare zone Z1), mode delete?");
        assertThat(world.cloudflare.await(r -> r.body().contains("purge_everything"), 1).get(0).body()).isEqualTo("{\"purge_everything\":true}");
        assertThat(world.auditPost("everything").arg("blocks")).contains("Cache purged");
    }

    @Test
    void a429IsWaitedOutForItsRetryAfterAndThenTheCallSucceeds() {
        world.cloudflare.scriptNext(new FakeCdn.Answer(429, Map.of("Retry-After", "1"),
                "{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"Please wait and consider throttling your request speed\"}]}"));

        world.submit(ALICE, "VCF5", "blog", "tag", "delete", "throttled-tag");

        List<FakeCdn.Received> calls = world.cloudflare.await(r -> r.body().contains("throttled-tag"), 2);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(world.dm(ALICE, "throttled-tag").arg("blocks")).contains("Cache purged");
    }

    @Test
    void aRefusalCarriesCloudflaresErrorCodeMessageAndRay() {
        world.cloudflare.scriptNext(new FakeCdn.Answer(400, Map.of("CF-Ray", "8a1b2c3d4e5f-LHR"),
                "{\"success\":false,\"errors\":[{\"code\":1012,\"message\":\"Request must contain one of purge_everything, files, tags\"}]}"));

        world.submit(ALICE, "VCF6", "blog", "tag", "delete", "refused-tag");

        String dm = world.dm(ALICE, "refused-tag").arg("blocks");
        assertThat(dm).contains("Cache purge failed").contains("status 400").contains("1012: Request must contain one of")
                .contains("8a1b2c3d4e5f-LHR");
        assertThat(world.auditPost("refused-tag").arg("blocks")).contains("Cache purge failed");
    }
}
