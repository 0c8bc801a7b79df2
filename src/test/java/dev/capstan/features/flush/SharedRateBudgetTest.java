package dev.capstan.features.flush;

import static dev.capstan.features.flush.FlushWorld.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.support.Await;
import dev.capstan.support.JobRows;
import dev.capstan.support.ModalInputs;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one PostgreSQL draw on one rate budget per provider account, so together they never exceed it. They
 * share one clock, standing still until the test moves it, so the budget refills only when the test says so.
 */
class SharedRateBudgetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THREE_CALLS = """
            rate_limits:
              cloudflare.requests: {burst: 3, per_second: 0.5}
            """;

    private static void submitTag(TestApp app, String viewId, String tag) {
        app.as(ALICE).submit(FlushViews.CALLBACK_ID, "CGENERAL", ModalInputs.of().option(FlushViews.SITE, "blog")
                .option(FlushViews.KIND, "tag").option(FlushViews.MODE, "delete").text(FlushViews.TARGETS, tag), viewId);
    }

    /** Three purges are left, and each came back at least once to find the budget spent: it runs again only when it refills. */
    private static boolean eachWaitedForTheBudget(List<JobRows.Row> rows) {
        return rows.size() == 3 && rows.stream().allMatch(row -> {
            try {
                return JSON.readTree(row.data()).path("run").asInt(1) >= 2;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void twoReplicasTogetherSendNoMoreCallsThanTheBudgetHoldsAndTheRestGoOnceItRefills() throws Exception {
        try (FlushWorld world = new FlushWorld(TestDatabases.Kind.POSTGRES, THREE_CALLS)) {
            TestApp second = world.builder(TestDatabases.Kind.POSTGRES, THREE_CALLS, new Flush())
                    .database(world.app.databaseUrl()).slack(world.slack()).clock(world.app.clock()).start();
            try {
                for (int i = 0; i < 3; i++) {
                    submitTag(world.app, "VFIRST" + i, "budget-first-" + i);
                    submitTag(second, "VSECOND" + i, "budget-second-" + i);
                }

                world.cloudflare.await(r -> r.body().contains("budget-"), 3);
                Await.until(() -> JobRows.of(world.app.databaseUrl(), PurgeJob.NAME), SharedRateBudgetTest::eachWaitedForTheBudget,
                        Duration.ofSeconds(30), "the other three purges each to be held back by the budget");
                assertThat(world.cloudflare.received()).filteredOn(r -> r.body().contains("budget-")).hasSize(3);
                assertThat(world.app.as(ALICE).run("/flush history --site blog").text()).contains("in progress");

                world.app.clock().advance(Duration.ofSeconds(10));
                world.cloudflare.await(r -> r.body().contains("budget-"), 6);
                assertThat(world.cloudflare.received()).filteredOn(r -> r.body().contains("budget-")).hasSize(6);
            } finally {
                second.close();
            }
        }
    }
}
