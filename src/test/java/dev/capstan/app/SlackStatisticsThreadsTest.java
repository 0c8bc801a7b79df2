package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * An app leaves none of the Slack SDK's statistics jobs running: each client's four stores ran one every second from
 * its start on, never stopped. Alone, since it counts the JVM's threads.
 */
@Isolated
class SlackStatisticsThreadsTest {

    @Test
    void startingAndClosingAnotherAppLeavesNoSlackStatisticsThreadBehind() {
        TestApp first = TestApp.on(TestDatabases.Kind.H2).start();
        first.as("USTATS001").run("/capstan ping");
        first.closeAll();
        long afterTheFirst = slackStatisticsThreads();

        TestApp second = TestApp.on(TestDatabases.Kind.H2).start();
        try {
            assertThat(second.as("USTATS002").run("/capstan ping").text()).containsIgnoringCase("pong");
            assertThat(slackStatisticsThreads()).isEqualTo(afterTheFirst);
        } finally {
            second.closeAll();
        }
        assertThat(slackStatisticsThreads()).isEqualTo(afterTheFirst);
    }

    /** The Slack SDK names each statistics store's scheduler thread after the store. */
    private static long slackStatisticsThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith("slack-api-metrics:")).count();
    }
}
