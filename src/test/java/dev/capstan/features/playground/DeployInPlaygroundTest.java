package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.app.Launcher;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A newcomer tries deployments in the playground, with its pretend GitHub and deployment service and no browser. */
class DeployInPlaygroundTest {
    private static Launcher.Running running;

    @BeforeAll
    static void start() {
        running = PlaygroundServer.start();
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

        mia.type("/deploy stats production --days 30");
        JsonNode stats = mia.awaitState("the delivery metrics", s -> texts(s).stream().anyMatch(t -> t.contains("Delivery metrics of acme/web")));
        assertThat(stats.toString()).contains("Deployment frequency: 1 successful deployment", "Change failure rate: 0% (0 of 1)",
                "DORA's Accelerate State of DevOps Report 2023");
    }

    private static List<String> texts(JsonNode state) {
        return state.path("messages").findValuesAsText("text");
    }

    private static String fullSha(JsonNode state, String dryRunOf) {
        List<JsonNode> messages = new java.util.ArrayList<>();
        state.path("messages").forEach(messages::add);
        return messages.stream().filter(m -> m.path("text").asText().contains("Dry run: `" + dryRunOf + "`")).map(m -> {
            Matcher sha = Pattern.compile("\\*Commit\\*: `([0-9a-f]{40})`").matcher(m.toString());
            return sha.find() ? sha.group(1) : null;
        }).filter(java.util.Objects::nonNull).reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no sha in " + state.path("messages")));
    }

    private static long succeeded(JsonNode state, String ref) {
        return texts(state).stream().filter(t -> t.startsWith(":") && t.contains("Deployment of `" + ref + "`") && t.endsWith("succeeded")).count();
    }

    @Test
    void aTagIsTheSameCommitInTheDryRunTheDeploymentAndTheRollback() {
        PlaygroundVisitor leo = new PlaygroundVisitor(running.playgroundUrl(), "ULEAD0001", "CSHOP");
        leo.type("/deploy setup acme/shop");
        leo.awaitState("the set-up", s -> texts(s).stream().anyMatch(t -> t.contains("Setting up `acme/shop` in this channel")));
        PlaygroundVisitor mia = new PlaygroundVisitor(running.playgroundUrl(), "UMEMBER01", "CSHOP");

        mia.type("/deploy v1.0.0 to production --dry-run");
        String first = fullSha(mia.awaitState("the first dry run", s -> texts(s).stream().anyMatch(t -> t.contains("Dry run: `tag v1.0.0`"))), "tag v1.0.0");
        mia.type("/deploy v1.0.0 to production");
        JsonNode deployed = mia.awaitState("v1.0.0 deployed", s -> succeeded(s, "tag v1.0.0") == 1);
        assertThat(texts(deployed)).anySatisfy(t -> assertThat(t).contains("Deployment of `tag v1.0.0` (`" + first.substring(0, 7) + "`)"));

        mia.type("/deploy tags/v1.1.0 to production --dry-run");
        String second = fullSha(mia.awaitState("the second dry run", s -> texts(s).stream().anyMatch(t -> t.contains("Dry run: `tag v1.1.0`"))), "tag v1.1.0");
        assertThat(second).isNotEqualTo(first);
        mia.type("/deploy refs/tags/v1.1.0 to production");
        JsonNode again = mia.awaitState("v1.1.0 deployed", s -> succeeded(s, "tag v1.1.0") == 1);
        assertThat(texts(again)).anySatisfy(t -> assertThat(t).contains("Deployment of `tag v1.1.0` (`" + second.substring(0, 7) + "`)"));

        mia.type("/deploy rollback production");
        JsonNode question = mia.awaitState("the rollback question", s -> texts(s).stream().anyMatch(t -> t.contains("Roll `production` back")));
        JsonNode proposal = question.path("messages").findParents("blocks").stream()
                .filter(m -> m.path("text").asText().contains("Roll `production` back")).findFirst().orElseThrow();
        assertThat(proposal.path("text").asText()).contains("(`" + second.substring(0, 7) + "`", "to `tag v1.0.0` (`" + first.substring(0, 7) + "`");
        mia.click(proposal, "Confirm");
        JsonNode rolledBack = mia.awaitState("the rollback deployed", s -> succeeded(s, "tag v1.0.0") == 2);
        assertThat(texts(rolledBack).stream().filter(t -> t.startsWith(":") && t.contains("Deployment of `tag v1.0.0`")))
                .hasSize(2).allSatisfy(t -> assertThat(t).contains("(`" + first.substring(0, 7) + "`)"));
    }
}
