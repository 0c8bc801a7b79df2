package dev.capstan.features.flush;

import static dev.capstan.features.flush.FlushWorld.ADA;
import static dev.capstan.features.flush.FlushWorld.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.FakeCdn;
import dev.capstan.support.FakeFastly;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestDatabases;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Purging on Fastly: one call per URL, surrogate keys at most 256 per call and service, purge_all, soft purges by header. */
@OnEveryDatabase
class FastlyPurgeTest {
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

    @Test
    void eachUrlIsItsOwnSoftPurgeWithTheTokenInFastlyKey() {
        world.submit(ALICE, "VFASTLY1", "shop", "url", "invalidate", "https://shop.example.com/soft/a\nhttps://shop.example.com/soft/b?x=1");

        List<FakeCdn.Received> calls = world.fastly.await(r -> r.path().contains("/soft/"), 2);
        assertThat(calls).extracting(FakeCdn.Received::path)
                .containsExactlyInAnyOrder("/purge/shop.example.com/soft/a", "/purge/shop.example.com/soft/b?x=1");
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.header("Fastly-Key")).isEqualTo(FakeFastly.TOKEN);
            assertThat(call.header("Fastly-Soft-Purge")).isEqualTo("1");
        });
        assertThat(world.dm(ALICE, "/soft/a").arg("blocks")).contains("Cache purged").contains("shop (Fastly)").contains("u-");
    }

    @Test
    void aDeleteIsAHardPurgeWithoutTheSoftHeader() {
        world.submit(ALICE, "VFASTLY2", "shop", "url", "delete", "https://shop.example.com/hard");

        FakeCdn.Received call = world.fastly.await(r -> r.path().contains("/hard"), 1).get(0);
        assertThat(call.header("Fastly-Soft-Purge")).isNull();
    }

    @Test
    void threeHundredSurrogateKeysGoToEachServiceInCallsOfAtMost256() {
        List<String> keys = IntStream.range(0, 300).mapToObj(i -> "product-" + i).toList();

        world.submit(ALICE, "VFASTLY3", "shop", "tag", "delete", String.join("\n", keys));

        List<FakeCdn.Received> calls = world.fastly.await(r -> r.body().contains("product-0") || r.body().contains("product-299"), 4);
        assertThat(calls).extracting(FakeCdn.Received::path)
                .containsExactlyInAnyOrder("/service/S1/purge", "/service/S1/purge", "/service/S2/purge", "/service/S2/purge");
        assertThat(calls).extracting(call -> call.json().path("surrogate_keys").size()).containsExactlyInAnyOrder(256, 44, 256, 44);
        assertThat(world.dm(ALICE, "product-0").arg("blocks")).contains("Cache purged").contains("300 cache tags").contains("k-");
    }

    @Test
    void anAdminPurgesEverythingOfEveryServiceAfterConfirmingAndNeverSoftly() {
        SlashReply soft = world.app.as(ADA).run("/flush everything shop --mode invalidate");
        SlashReply question = world.app.as(ADA).run("/flush everything shop");
        world.app.as(ADA).click(question.button("Confirm"));

        assertThat(soft.text()).isEqualTo("Fastly purges a whole service hard only (purge_all cannot be soft): use --mode delete.");
        assertThat(question.text()).contains("(Fastly services S1, S2), mode delete?");
        List<FakeCdn.Received> calls = world.fastly.await(r -> r.path().endsWith("/purge_all"), 2);
        assertThat(calls).extracting(FakeCdn.Received::path).containsExactlyInAnyOrder("/service/S1/purge_all", "/service/S2/purge_all");
        assertThat(calls).allSatisfy(call -> assertThat(call.header("Fastly-Soft-Purge")).isNull());
        assertThat(world.dm(ADA, "everything").arg("blocks")).contains("Cache purged");
    }

    @Test
    void oneRefusedUrlOfThreeMakesAPartialResultThatNamesIt() {
        world.fastly.scriptNext(FakeCdn.Answer.json(200, "{\"status\":\"ok\",\"id\":\"u-first\"}"));
        world.fastly.scriptNext(FakeCdn.Answer.json(404, "{\"msg\":\"Record not found\",\"detail\":\"Cannot find service for this host\"}"));

        world.submit(ALICE, "VFASTLY4", "shop", "url", "delete", "https://shop.example.com/p1\nhttps://shop.example.com/p2\nhttps://shop.example.com/p3");

        String dm = world.dm(ALICE, "/p1").arg("blocks");
        assertThat(dm).contains("Cache partly purged").contains("1 of 3 URLs failed").contains("status 404")
                .contains("Record not found: Cannot find service for this host").contains("https://shop.example.com/p2");
    }
}
