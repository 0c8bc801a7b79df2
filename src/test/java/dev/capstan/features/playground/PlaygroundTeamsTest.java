package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.app.Launcher;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A newcomer's first directory commands in the playground: the seeded people are registered with their pretend GitHub logins. */
class PlaygroundTeamsTest {
    private static Launcher.Running running;

    @BeforeAll
    static void start() {
        running = PlaygroundServer.start();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static List<String> texts(JsonNode state) {
        return state.path("messages").findValuesAsText("text");
    }

    private static PlaygroundVisitor as(String user) {
        return new PlaygroundVisitor(running.playgroundUrl(), user, "CGENERAL");
    }

    @Test
    void leoCreatesATeamAsTheFirstThingHeTypesAndItIsOnThePretendGitHubToo() {
        PlaygroundVisitor leo = as("ULEAD0001");
        leo.type("/capstan team create web");
        leo.awaitState("the team", s -> texts(s).stream().anyMatch(t -> t.contains("Created team `web` on GitHub and here, led by <@ULEAD0001>")));

        leo.type("/capstan team add web <@UMEMBER01|Mia Member>");
        leo.awaitState("Mia in the team", s -> texts(s).stream().anyMatch(t -> t.contains("Added <@UMEMBER01> to team `web`")));

        // The pretend GitHub also holds the directory's default team `all` with every seeded (linked) login, so the
        // first refresh only learns that team; `web` is already as Leo made it, and nobody is missing from `all`.
        PlaygroundVisitor ada = as("UADMIN001");
        ada.type("/capstan team refresh");
        JsonNode refreshed = ada.awaitState("the refresh", s -> texts(s).stream().anyMatch(t -> t.contains("GitHub teams")));
        assertThat(texts(refreshed)).anySatisfy(t -> assertThat(t).contains("Checked 2 GitHub teams; 5 change(s)", "added `all` from GitHub",
                "<@UADMIN001> joined `all`", "<@ULEAD0001> joined `all`", "<@UMEMBER01> joined `all`", "<@UMEMBER02> joined `all`")
                .doesNotContain("`web`", "joined GitHub team"));
        ada.type("/capstan team refresh");
        JsonNode again = ada.awaitState("the second refresh", s -> texts(s).stream().anyMatch(t -> t.contains("already in step")));
        assertThat(texts(again)).anySatisfy(t -> assertThat(t).contains("Checked 2 GitHub teams: the directory was already in step"));
        assertThat(texts(leo.state())).noneMatch(t -> t.contains("refused") || t.contains("HTTP 404"));
    }

    @Test
    void theSeededPeopleAreInTheDirectoryWithTheirPretendGitHubLogins() {
        PlaygroundVisitor max = as("UMEMBER02");
        max.type("/capstan user view --github mia");
        JsonNode state = max.awaitState("Mia's card", s -> s.path("messages").toString().contains("Mia Member"));
        assertThat(state.path("messages").toString()).contains("mia").doesNotContain("not registered");
        JsonNode welcome = max.awaitState("Max's welcome", s -> s.path("dms").toString().contains("Welcome"));
        assertThat(welcome.path("dms").toString()).contains("Your GitHub account `max` is linked").doesNotContain("Link your GitHub account");
    }
}
