package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.slack.SlackAdapter;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.Test;

/** Closing Capstan ends the threads that answer Slack's requests, instead of leaving them to the end of the process. */
class ClosingStopsSlackWorkersTest {

    @Test
    void afterASlashCommandWasAnsweredClosingCapstanTerminatesTheSlackWorkers() {
        TestApp app = TestApp.on(TestDatabases.Kind.H2).start();
        SlackAdapter adapter = app.capstan().slackAdapter();
        try {
            assertThat(app.as("UCLOSE001").run("/capstan ping").text()).containsIgnoringCase("pong");
            assertThat(adapter.stopped()).isFalse();
        } finally {
            app.closeAll();
        }

        assertThat(adapter.stopped()).isTrue();
    }
}
