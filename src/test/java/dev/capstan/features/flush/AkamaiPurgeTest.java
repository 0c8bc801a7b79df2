package dev.capstan.features.flush;

import static dev.capstan.features.flush.FlushWorld.ADA;
import static dev.capstan.features.flush.FlushWorld.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.FakeAkamai;
import dev.capstan.support.FakeCdn;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Purging on Akamai Fast Purge v3: EdgeGrid-signed calls, bodies under 50,000 bytes, 429s waited out, refusals reported. */
@OnEveryDatabase
class AkamaiPurgeTest {
    @Parameter
    TestDatabases.Kind database;
    private static FlushWorld world;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabases.Kind database) {
        world = new FlushWorld(database, null);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        world.close();
    }

    private static List<FakeCdn.Received> callsAbout(String marker, int count) {
        return world.akamai.await(r -> r.body().contains(marker), count);
    }

    @Test
    void anInvalidateByUrlIsASignedPostToFastPurgeAndItsResultReachesTheRequesterAndTheAuditChannel() {
        world.submit(ALICE, "VAKAMAI1", "nhs", "url", "invalidate", "https://www.nhs.uk/conditions/a\nhttps://campaignresources.dhsc.gov.uk/b");

        FakeCdn.Received call = callsAbout("conditions/a", 1).get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/ccu/v3/invalidate/url/production");
        assertThat(call.header("Content-Type")).isEqualTo("application/json");
        assertThat(FakeAkamai.signatureMatches(call)).isTrue();
        assertThat(call.json().path("objects").toString())
                .isEqualTo("[\"https://www.nhs.uk/conditions/a\",\"https://campaignresources.dhsc.gov.uk/b\"]");
        String dm = world.dm(ALICE, "conditions/a").arg("blocks");
        assertThat(dm).contains("Cache purged").contains("nhs (Akamai, production)").contains("invalidate").contains("2 URLs")
                .contains("about 5 s").contains("CDN purge ids: edcp-").contains("UALICE001").contains("Purge again");
        assertThat(world.auditPost("conditions/a").arg("blocks")).contains("Cache purged");
    }

    @Test
    void deleteByTagAndAConfirmedCpCodePurgeGoToTheirOwnPaths() {
        world.submit(ALICE, "VAKAMAI2", "nhs", "tag", "delete", "news-tag-7");
        SlashReply question = world.app.as(ADA).run("/flush everything nhs 12345 67890");
        assertThat(question.text()).contains("Purge *everything* of site *nhs* (CP codes 12345, 67890 on the production network), mode invalidate?");
        world.app.as(ADA).click(question.button("Confirm"));

        assertThat(callsAbout("news-tag-7", 1).get(0).path()).isEqualTo("/ccu/v3/delete/tag/production");
        FakeCdn.Received cpCodes = callsAbout("12345", 1).get(0);
        assertThat(cpCodes.path()).isEqualTo("/ccu/v3/invalidate/cpcode/production");
        assertThat(cpCodes.json().path("objects").toString()).isEqualTo("[12345,67890]");
        assertThat(world.dm(ADA, "2 CP codes").arg("blocks")).contains("Cache purged").doesNotContain("Purge again");
    }

    @Test
    void onlyAdminsMayPurgeWholeCpCodesEvenWhenARuleAllowsTheFamily() {
        SlashReply carol = world.app.as(FlushWorld.CAROL).run("/flush everything nhs 12345");
        SlashReply alice = world.app.as(ALICE).run("/flush everything nhs 12345");

        assertThat(carol.text()).contains("needs role admin");
        assertThat(alice.text()).isEqualTo("Purging everything of a site is for admins only, whatever the access rules allow; nothing was purged.");
        assertThat(world.akamai.received()).noneMatch(r -> r.body().contains("12345") && r.path().contains("/delete/"));
    }

    @Test
    void fiveHundredLongUrlsAreSplitIntoBodiesUnderFiftyThousandBytesEachSentOnce() {
        List<String> urls = IntStream.range(0, 500).mapToObj(i -> "https://www.nhs.uk/split/" + "x".repeat(90) + "/page-" + i).toList();

        world.submit(ALICE, "VAKAMAI3", "nhs", "url", "invalidate", String.join("\n", urls));

        List<FakeCdn.Received> calls = callsAbout("/split/", 2);
        List<String> sent = new ArrayList<>();
        for (FakeCdn.Received call : calls) {
            assertThat(call.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(AkamaiPurge.BODY_LIMIT);
            call.json().path("objects").forEach(o -> sent.add(o.asText()));
        }
        assertThat(sent).containsExactlyInAnyOrderElementsOf(urls);
        assertThat(world.dm(ALICE, "/split/").arg("blocks")).contains("Cache purged").contains("500 URLs").contains("…and 475 more");
    }

    @Test
    void aRateLimitedCallWaitsFiveSecondsAndThenSucceeds() {
        world.akamai.scriptNext(FakeCdn.Answer.json(429, "{\"supportId\":\"17PY-429\",\"title\":\"Rate Limit exceeded\",\"httpStatus\":429}"));

        world.submit(ALICE, "VAKAMAI4", "nhs", "url", "delete", "https://www.nhs.uk/rate-limited");

        List<FakeCdn.Received> calls = world.akamai.await(r -> r.body().contains("rate-limited"), 2);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(4900));
        assertThat(world.dm(ALICE, "rate-limited").arg("blocks")).contains("Cache purged");
    }

    @Test
    void aRefusalFromAkamaiIsReportedWithItsStatusDetailAndSupportIdToTheRequesterAndTheAuditChannel() {
        world.akamai.scriptNext(FakeCdn.Answer.json(400, "{\"type\":\"https://problems.purge.akamaiapis.net/-/pep-authn/bad-request\","
                + "\"title\":\"Bad Request\",\"httpStatus\":400,\"detail\":\"Invalid URL: the object is not allowed\",\"supportId\":\"17PY-400\"}"));

        world.submit(ALICE, "VAKAMAI5", "nhs", "url", "invalidate", "https://www.nhs.uk/refused");

        String dm = world.dm(ALICE, "refused").arg("blocks");
        assertThat(dm).contains("Cache purge failed").contains("nothing was purged").contains("status 400")
                .contains("Invalid URL: the object is not allowed").contains("17PY-400");
        assertThat(world.auditPost("refused").arg("blocks")).contains("Cache purge failed").contains("17PY-400");
    }

    @Test
    void whenOneOfTwoCallsIsRefusedTheResultIsPartialAndListsTheFailedTargets() {
        List<String> urls = IntStream.range(0, 500).mapToObj(i -> "https://www.nhs.uk/partial/" + "y".repeat(90) + "/p" + i).toList();
        world.akamai.scriptNext(FakeCdn.Answer.json(201, "{\"httpStatus\":201,\"detail\":\"Request accepted\",\"estimatedSeconds\":5,"
                + "\"purgeId\":\"edcp-first\",\"supportId\":\"17PY-ok\"}"));
        world.akamai.scriptNext(FakeCdn.Answer.json(403, "{\"title\":\"Forbidden\",\"httpStatus\":403,"
                + "\"detail\":\"You don't have access to purge these objects\",\"supportId\":\"17PY-403\"}"));

        world.submit(ALICE, "VAKAMAI6", "nhs", "url", "invalidate", String.join("\n", urls));

        String dm = world.dm(ALICE, "/partial/").arg("blocks");
        int failed = callsAbout("/partial/", 2).get(1).json().path("objects").size();
        assertThat(dm).contains("Cache partly purged").contains(failed + " of 500 URLs failed").contains("status 403")
                .contains("17PY-403").contains("edcp-first");
    }
}
