package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capstan.support.Await;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Socket Mode at start-up. Isolated: it counts the job threads of the whole JVM, and an app started by a class running
 * beside it adds its own (it failed so once parameterized classes ran beside it).
 */
@Isolated
class SocketModeStartTest {
    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long schedulerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("db-scheduler")).count();
    }

    @Test
    void whenSlackCannotBeReachedOverSocketModeStartUpFailsClearlyAndLeavesNothingRunning() throws Exception {
        int port = freePort();
        int slackNowhere = freePort();
        long threadsBefore = schedulerThreads();
        Launcher.StartFailed failed = catchThrowableOfType(Launcher.StartFailed.class, () -> Launcher.start(Map.of(
                        "PORT", Integer.toString(port), "SLACK_APP_TOKEN", "xapp-1-secret-app-token", "SLACK_BOT_TOKEN", "xoxb-1-secret",
                        "SLACK_API_URL", "http://127.0.0.1:" + slackNowhere + "/api/",
                        "DATABASE_URL", TestDatabases.freshUrl(TestDatabases.Kind.H2)),
                List.of(), Clock.systemUTC(), TestApp.FAST_JOBS));
        assertThat(failed).isNotNull();
        assertThat(failed.getMessage()).startsWith("Capstan could not start").contains("Socket Mode")
                .doesNotContain("xapp-1-secret-app-token").doesNotContain("xoxb-1-secret");
        assertThatCode(() -> new ServerSocket(port).close()).as("the HTTP port is free again").doesNotThrowAnyException();
        Await.until(SocketModeStartTest::schedulerThreads, n -> n <= threadsBefore, Duration.ofSeconds(10), "no job threads left");
    }

    @Test
    void anAppTokenWithoutABotTokenIsAConfigurationProblemListedWithTheOthers() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> Config.fromEnvironment(Map.of(
                "SLACK_APP_TOKEN", "xapp-1-a", "PORT", "eighty")));
        assertThat(invalid.problems()).hasSize(2);
        assertThat(invalid.getMessage()).contains("SLACK_BOT_TOKEN is required when SLACK_APP_TOKEN is set").contains("PORT");
    }
}
