package dev.capstan.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.capstan.jobs.JobSettings;
import dev.capstan.platform.Feature;
import dev.capstan.features.playground.Playground;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Starts Capstan as {@code java -jar capstan.jar} does: with the playground on localhost when Slack is not configured. */
public final class Launcher {
    /** A started Capstan, and the playground's address when it has one (null otherwise). */
    public record Running(Capstan capstan, String playgroundUrl) implements AutoCloseable {
        @Override
        public void close() {
            capstan.close();
        }
    }

    /** Start-up failed after configuration was accepted (port taken, Slack unreachable); nothing is left running. */
    public static final class StartFailed extends RuntimeException {
        StartFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Launcher() {
    }

    /**
     * Throws {@link Config.Invalid} listing every configuration problem (also those a family's check at start found), or
     * {@link StartFailed} with everything stopped again.
     */
    public static Running start(Map<String, String> env, List<Feature> features, Clock clock, JobSettings jobs) {
        if (!PlaygroundMode.wanted(env)) {
            Config.Reading reading = Config.read(env);
            return new Running(startOrClose(new Capstan(reading, env, features, clock, jobs), null, reading.config().port()), null);
        }
        CompletableFuture<String> pretendKey = PlaygroundMode.pretendGitHubKey(env);
        Config.Reading asGiven = Config.read(env);
        Map<String, String> playgroundEnv = PlaygroundMode.environmentWithoutKey(env, asGiven.config().port());
        Config.Reading prepared = Config.read(playgroundEnv);
        List<String> problems = new ArrayList<>(asGiven.problems());
        prepared.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        Config.Reading reading = new Config.Reading(prepared.config().withFamilyDefaults(
                playgroundDefaults(features, PlaygroundMode.baseUrl(prepared.config().port()))), problems);
        Config config = reading.config();
        String url = PlaygroundMode.baseUrl(config.port());
        List<Feature> all = new ArrayList<>(features);
        all.add(new Playground(url, config.signingSecret(), PlaygroundMode.gitHubStandInSecret(playgroundEnv)));
        if (pretendKey != null) PlaygroundMode.addPretendGitHubKey(playgroundEnv, pretendKey);
        Capstan capstan = startOrClose(new Capstan(reading, playgroundEnv, all, clock, jobs), PlaygroundMode.HOST, config.port());
        return new Running(capstan, url + "/");
    }

    /** The playground's settings for the families of this build that the YAML file leaves out (a pretend CDN and flush service). */
    private static Map<String, JsonNode> playgroundDefaults(List<Feature> features, String baseUrl) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, JsonNode> defaults = new HashMap<>();
        Playground.familyDefaults(baseUrl).forEach((family, settings) -> {
            if (features.stream().noneMatch(f -> f.name().equals(family))) return;
            try {
                defaults.put(family, yaml.readTree(settings));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return defaults;
    }

    /** Starts, or stops everything again: a configuration a family refused at start stays {@link Config.Invalid} (exit 2). */
    private static Capstan startOrClose(Capstan capstan, String host, int port) {
        try {
            return capstan.start(host, port);
        } catch (Config.Invalid invalid) {
            capstan.close();
            throw invalid;
        } catch (RuntimeException e) {
            try {
                capstan.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw new StartFailed("Capstan could not start: " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) text.append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
