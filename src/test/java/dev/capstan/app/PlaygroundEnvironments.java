package dev.capstan.app;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The playground's whole environment, its pretend GitHub key included, as {@link Launcher} hands it to Capstan. */
final class PlaygroundEnvironments {
    private PlaygroundEnvironments() {
    }

    static Map<String, String> of(Map<String, String> env, int port) {
        Map<String, String> prepared = PlaygroundMode.environmentWithoutKey(env, port);
        CompletableFuture<String> key = PlaygroundMode.pretendGitHubKey(env);
        if (key != null) PlaygroundMode.addPretendGitHubKey(prepared, key);
        return prepared;
    }
}
