package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.app.Launcher;
import dev.capstan.app.Main;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A newcomer tries deployments in the playground, with its pretend GitHub and deployment service and no browser. */
class DeployInPlaygroundTest {
    private static Launcher.Running running;

    @BeforeAll
    static void start() {
        running = Launcher.start(Map.of("PORT", "0", "DATABASE_URL", TestDatabases.freshUrl(TestDatabases.Kind.H2)),
                Main.features(), Clock.systemUTC(), TestApp.FAST_JOBS);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static String deploymentMessage(JsonNode state) {
        for (JsonNode message : state.path("messages")) {
            String text = message.path("text").asText();
            if (text.startsWith(":") && text.contains("Deployment of `tag v1.0.0`")) return text;
        }
        return null;
    }

    @Test
    void setUpARepositoryDeployATagAndWatchItsMessageGoThroughItsStates() {
        PlaygroundVisitor leo = new PlaygroundVisitor(running.playgroundUrl(), "ULEAD0001", "CDEPLOY");
        leo.type("/deploy setup acme/web");
        leo.awaitState("the set-up", s -> s.path("messages").findValuesAsText("text").stream()
                .anyMatch(t -> t.contains("Setting up `acme/web` in this channel")));
        PlaygroundVisitor mia = new PlaygroundVisitor(running.playgroundUrl(), "UMEMBER01", "CDEPLOY");
        mia.type("/deploy v1.0.0 to production");
        Set<String> seen = new LinkedHashSet<>();
        mia.awaitState("the deployment to succeed", s -> {
            String text = deploymentMessage(s);
            if (text != null) seen.add(text.replaceAll(".*`production` ", ""));
            return text != null && text.endsWith("succeeded");
        });
        assertThat(seen).last().isEqualTo("succeeded");
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3).contains("in progress");
        JsonNode state = leo.state();
        assertThat(state.path("messages").findValuesAsText("text").stream().filter(t -> t.contains("Deployment of `tag v1.0.0`"))
                .filter(t -> t.startsWith(":")).count()).as("one message for the deployment").isEqualTo(1);

        mia.type("/deploy v1.1.0 to production --dry-run");
        JsonNode dryRun = mia.awaitState("the dry run", s -> s.path("messages").findValuesAsText("text").stream()
                .anyMatch(t -> t.contains("Dry run: `tag v1.1.0` to `production`")));
        assertThat(dryRun.toString()).contains("2 commits since deployment #", "by ada, leo", "pull requests #12", "compare on GitHub");
    }
}
