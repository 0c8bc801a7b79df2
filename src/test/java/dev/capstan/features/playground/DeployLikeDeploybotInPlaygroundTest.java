package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.app.Launcher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploybot's ways in the playground: the family alone, buttons at setup and for a newcomer, and {@code /cimon deploy <env>}. */
class DeployLikeDeploybotInPlaygroundTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Launcher.Running running;

    @BeforeAll
    static void start() {
        running = PlaygroundServer.start();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static boolean says(JsonNode state, String text) {
        return state.path("messages").toString().contains(text);
    }

    /** Adds a person on the page, as its "Add" form does, and returns their id. */
    private static String addPerson(String name) throws Exception {
        HttpResponse<String> added = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(running.playgroundUrl()
                        .replaceAll("/$", "") + "/playground/people")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("name", name).put("role", "member").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(added.body()).path("id").asText();
    }

    @Test
    void setUpWithButtonsGreetANewcomerAndDeployAnEnvironmentsNewestTag() throws Exception {
        PlaygroundVisitor leo = new PlaygroundVisitor(running.playgroundUrl(), "ULEAD0001", "CDEV");
        leo.type("/cimon");
        leo.awaitState("the family's help", s -> says(s, "/cimon setup"));
        leo.type("/cimon setup acme/site");
        JsonNode setUp = leo.awaitState("the set-up", s -> says(s, "Setting up `acme/site` in this channel"));
        // The seeded people's logins are linked already; the buttons offer the collaborators nobody has claimed.
        assertThat(setUp.path("messages").toString()).contains("@nia", "@sam", "deploy.claim").doesNotContain("@ada", "@mia");

        String newcomer = addPerson("Nia Newcomer");
        PlaygroundVisitor nia = new PlaygroundVisitor(running.playgroundUrl(), newcomer, "CDEV");
        nia.join();
        JsonNode greeted = nia.awaitState("the buttons for the newcomer", s -> says(s, "This channel deploys `acme/site`"));
        assertThat(greeted.path("messages").toString()).contains("\"ephemeral\":true", "@nia", "@sam").doesNotContain("@max");
        assertThat(leo.state().path("messages").toString()).doesNotContain("This channel deploys");

        PlaygroundVisitor mia = new PlaygroundVisitor(running.playgroundUrl(), "UMEMBER01", "CDEV");
        mia.type("/cimon deploy production");
        mia.awaitState("the chosen tag", s -> says(s, "`production` gets `tag v1.1.0` (the newest tag its refs allow)"));
        mia.awaitState("its deployment", s -> says(s, "Deployment of `tag v1.1.0`"));
    }
}
