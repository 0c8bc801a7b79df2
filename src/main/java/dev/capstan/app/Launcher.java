package dev.capstan.app;

import dev.capstan.features.Feature;
import dev.capstan.jobs.JobSettings;
import dev.capstan.features.playground.Playground;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts Capstan as {@code java -jar capstan.jar} does: with the playground on localhost when Slack is not configured. */
public final class Launcher {
    /** A started Capstan, and the playground's address when it has one (null otherwise). */
    public record Running(Capstan capstan, String playgroundUrl) implements AutoCloseable {
        @Override
        public void close() {
            capstan.close();
        }
    }

    private Launcher() {
    }

    /** Throws {@link Config.Invalid} listing every configuration problem. */
    public static Running start(Map<String, String> env, List<Feature> features, Clock clock, JobSettings jobs) {
        if (!PlaygroundMode.wanted(env)) {
            Config config = Config.fromEnvironment(env);
            return new Running(new Capstan(config, env, features, clock, jobs).start(config.port()), null);
        }
        Map<String, String> playgroundEnv = PlaygroundMode.environment(env);
        Config config = Config.fromEnvironment(playgroundEnv);
        String url = PlaygroundMode.baseUrl(config.port());
        List<Feature> all = new ArrayList<>(features);
        all.add(new Playground(url, config.signingSecret()));
        Capstan capstan = new Capstan(config, playgroundEnv, all, clock, jobs).start(PlaygroundMode.HOST, config.port());
        return new Running(capstan, url + "/");
    }
}
