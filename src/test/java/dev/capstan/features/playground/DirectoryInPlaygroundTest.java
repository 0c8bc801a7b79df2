package dev.capstan.features.playground;

import dev.capstan.app.Launcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A newcomer tries Rocket 2's team and project commands in the playground, against its pretend GitHub. */
class DirectoryInPlaygroundTest {
    private static Launcher.Running running;

    @BeforeAll
    static void start() {
        running = PlaygroundServer.start();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static void typeAndAwait(PlaygroundVisitor visitor, String line, String answer) {
        visitor.type(line);
        visitor.awaitState(answer, s -> s.path("messages").toString().contains(answer.replace("\"", "\\\"")));
    }

    @Test
    void createATeamWithRocket2sOwnExampleThenAProjectForOneOfItsRepositories() {
        PlaygroundVisitor ada = new PlaygroundVisitor(running.playgroundUrl(), "UADMIN001", "CROCKET");
        // The playground registered Ada with her pretend GitHub login linked: Rocket 2's `user add` and `user edit --github`
        // are done already, and her card says so.
        typeAndAwait(ada, "/rocket user view", "*GitHub*\\n`ada`");
        typeAndAwait(ada, "/rocket user edit --github ada", "Nothing changed in your profile");
        typeAndAwait(ada, "/rocket team create \"struddle-bouts\" --name \"Struddle Bouts\" --channel", "Created team `struddle-bouts`");
        typeAndAwait(ada, "/rocket project create https://github.com/acme/web struddle-bouts --name \"Web\"",
                "(Web) for `acme/web`, assigned to team `struddle-bouts`");
        typeAndAwait(ada, "/rocket project list", "*Web* `acme/web` (team `struddle-bouts`)");
    }
}
