package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.command.Role;
import dev.capstan.support.Await;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.SlackUser;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestClock;
import dev.capstan.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several replicas on one PostgreSQL behave like one: no double handling, and a dead replica's jobs move on. */
class ReplicasTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEventRetriedToAnotherReplicaIsHandledOnceAlsoAfterARestart() {
        DemoFamily first = new DemoFamily();
        DemoFamily second = new DemoFamily();
        TestApp a = TestApp.on(TestDatabases.Kind.POSTGRES).feature(first).start();
        TestApp b = TestApp.on(TestDatabases.Kind.POSTGRES).database(a.databaseUrl()).slack(a.slack()).feature(second).start();
        try {
            ObjectNode event = JSON.createObjectNode().put("type", "team_join");
            event.putObject("user").put("id", "UJOINER01");
            assertThat(SlackUser.event(a, "EvReplica1", event, Map.of()).status()).isEqualTo(200);
            assertThat(SlackUser.event(b, "EvReplica1", event, Map.of("X-Slack-Retry-Num", "1")).status()).isEqualTo(200);
            a.close();
            DemoFamily third = new DemoFamily();
            TestApp restarted = TestApp.on(TestDatabases.Kind.POSTGRES).database(a.databaseUrl()).slack(a.slack()).feature(third).start();
            try {
                assertThat(SlackUser.event(restarted, "EvReplica1", event, Map.of("X-Slack-Retry-Num", "2")).status()).isEqualTo(200);
                assertThat(first.joined.size() + second.joined.size() + third.joined.size()).isEqualTo(1);
            } finally {
                restarted.close();
            }
        } finally {
            b.closeAll();
        }
    }

    @Test
    void aJobWhoseReplicaDiedRunsAgainOnALiveOne() throws Exception {
        TestApp live = TestApp.on(TestDatabases.Kind.POSTGRES).feature(new DemoFamily()).start();
        try {
            String responseUrl = live.slack().newResponseUrl();
            String invocation = JSON.writeValueAsString(Map.of(
                    "invocation", Map.of("slashCommand", "/capstan", "text", "demo slow orphan", "userId", "UALICE01",
                            "teamId", "T0TEST", "channelId", "CGENERAL", "channelName", "general",
                            "responseUrl", responseUrl, "receivedAt", Instant.now().toString()),
                    "auditId", 0));
            Instant longAgo = Instant.now().minusSeconds(3600);
            try (Connection c = DriverManager.getConnection(live.databaseUrl());
                 PreparedStatement insert = c.prepareStatement("""
                         insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,
                             last_heartbeat, version, consecutive_failures)
                         values ('slow-command', 'orphan-1', ?, ?, true, 'a-replica-that-died', ?, 1, 0)""")) {
                insert.setBytes(1, invocation.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                insert.setTimestamp(2, Timestamp.from(longAgo));
                insert.setTimestamp(3, Timestamp.from(longAgo));
                insert.executeUpdate();
            }
            List<FakeSlack.HookPost> posts = live.slack().awaitPosts(responseUrl, 1);
            assertThat(posts.get(0).text()).isEqualTo("slow done: orphan");
        } finally {
            live.closeAll();
        }
    }

    @Test
    void aScheduleFiresOncePerFiringAcrossReplicas() {
        List<Instant> firings = new java.util.concurrent.CopyOnWriteArrayList<>();
        TestClock clock = new TestClock(Instant.parse("2026-03-25T10:00:00.500Z"));
        dev.capstan.platform.Feature ticker = dev.capstan.platform.Feature.of("ticker", context -> context.schedule(new dev.capstan.jobs.RecurringJob("tick",
                "*/1 * * * * *", java.time.ZoneOffset.UTC, () -> firings.add(clock.instant()))));
        TestApp a = TestApp.on(TestDatabases.Kind.POSTGRES).clock(clock).feature(ticker).start();
        TestApp b = TestApp.on(TestDatabases.Kind.POSTGRES).database(a.databaseUrl()).slack(a.slack()).clock(clock).feature(ticker).start();
        try {
            for (int second = 1; second <= 4; second++) {
                clock.advance(Duration.ofSeconds(1));
                (second % 2 == 0 ? b : a).runDueJobs();
                assertThat(firings).as("firings after second " + second).hasSize(second);
            }
        } finally {
            a.close();
            b.closeAll();
        }
        assertThat(firings).doesNotHaveDuplicates();
    }

    @Test
    void aRoleChangedOnOneReplicaCountsAtOnceThereAndWithinASecondOnTheOther() {
        TestApp a = TestApp.on(TestDatabases.Kind.POSTGRES).feature(new DemoFamily()).start();
        TestApp b = TestApp.on(TestDatabases.Kind.POSTGRES).database(a.databaseUrl()).slack(a.slack()).feature(new DemoFamily()).start();
        try {
            assertThat(a.as("UPROMOTE1").run("/capstan demo secret").text()).contains("needs role admin");
            assertThat(b.as("UPROMOTE1").run("/capstan demo secret").text()).contains("needs role admin");
            a.capstan().people().setRole("UPROMOTE1", Role.ADMIN);
            assertThat(a.as("UPROMOTE1").run("/capstan demo secret").text()).isEqualTo("the admin secret");
            Await.until(() -> b.as("UPROMOTE1").run("/capstan demo secret").text(), "the admin secret"::equals,
                    Duration.ofSeconds(3), "replica b to see the new role");
        } finally {
            b.close();
            a.closeAll();
        }
    }
}
