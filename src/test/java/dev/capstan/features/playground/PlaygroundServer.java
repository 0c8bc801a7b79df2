package dev.capstan.features.playground;

import dev.capstan.app.Launcher;
import dev.capstan.app.Main;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.time.Clock;
import java.util.Map;

/** One way for the playground's tests to start Capstan as a newcomer does: every family, a fresh H2, no Slack. */
final class PlaygroundServer {
    private PlaygroundServer() {
    }

    static Launcher.Running start() {
        return Launcher.start(Map.of("PORT", "0", "DATABASE_URL", TestDatabases.freshUrl(TestDatabases.Kind.H2)),
                Main.features(), Clock.systemUTC(), TestApp.FAST_JOBS);
    }
}
