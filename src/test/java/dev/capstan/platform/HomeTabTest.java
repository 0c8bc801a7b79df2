package dev.capstan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.command.Block;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlackUser;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestClock;
import dev.capstan.support.TestDatabases;
import dev.capstan.support.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * The Home tab: opening it publishes every family's section in order, one failing section does not hide the others,
 * Slack's 100 blocks are shared fairly, and a person's Home is published at most once every few seconds across
 * replicas, the last change arriving with a trailing publish when Capstan's clock reaches the end of the wait.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class HomeTabTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Parameter
    TestDatabases.Kind database;
    final TestClock clock = new TestClock(Instant.parse("2026-03-25T10:00:00Z"));
    final Map<String, String> notes = new ConcurrentHashMap<>();
    final Map<String, Integer> sizes = new ConcurrentHashMap<>();
    FeatureContext board;
    FeatureContext replicaBoard;
    TestApp app;
    TestApp replica;

    /** A family whose Home section says the person's current note; the "wall" family shows as many blocks as asked. */
    private Feature board(boolean onReplica) {
        return Feature.of("board", context -> {
            if (onReplica) replicaBoard = context;
            else board = context;
            context.homeSection(user -> notes.containsKey(user) ? List.of(new Block.Header("Board"), new Block.Section(notes.get(user)))
                    : List.of());
        });
    }

    private Feature broken() {
        return Feature.of("broken", context -> context.homeSection(user -> {
            if (user.startsWith("UBROKEN")) throw new IllegalStateException("the section's store is away");
            return List.of();
        }));
    }

    private Feature wall() {
        return Feature.of("wall", context -> context.homeSection(user -> {
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < sizes.getOrDefault(user, 0); i++) blocks.add(new Block.Section("brick " + i));
            return blocks;
        }));
    }

    @BeforeParameterizedClassInvocation
    void start() {
        app = TestApp.on(database).clock(clock).feature(board(false)).feature(broken()).feature(wall()).start();
        replica = TestApp.on(database).database(app.databaseUrl()).slack(app.slack()).clock(clock)
                .feature(board(true)).feature(broken()).feature(wall()).start();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        replica.close();
        app.closeAll();
    }

    private static String someone(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    private void opensHome(String user, String tab) {
        ObjectNode event = JSON.createObjectNode().put("type", "app_home_opened").put("user", user).put("channel", "D" + user)
                .put("tab", tab);
        assertThat(SlackUser.event(app, "Ev" + UUID.randomUUID(), event, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void openingTheHomeTabPublishesEachFamilysSectionInTheOrderTheyRegistered() {
        String alice = someone("UALICE");
        notes.put(alice, "Your approval is awaited");
        sizes.put(alice, 2);
        opensHome(alice, "home");

        JsonNode home = app.slack().awaitHome(alice, 1);
        assertThat(home.path("type").asText()).isEqualTo("home");
        String text = Texts.blocksText(home);
        assertThat(text).containsSubsequence("Board", "Your approval is awaited", "brick 0", "brick 1");
    }

    @Test
    void aFailingSectionIsShownAsSuchAndTheOtherSectionsStillAppear() {
        String bob = someone("UBROKEN");
        notes.put(bob, "Still here");
        sizes.put(bob, 1);
        opensHome(bob, "home");

        String text = Texts.blocksText(app.slack().awaitHome(bob, 1));
        assertThat(text).containsSubsequence("Still here", "The broken part could not be shown just now", "brick 0");
        assertThat(text).doesNotContain("the section's store is away");
    }

    @Test
    void aSectionWithTooManyBlocksIsCutWithANoteAndTheViewKeepsToSlacksHundredBlocks() {
        String carol = someone("UCAROL");
        notes.put(carol, "Board first");
        sizes.put(carol, 250);
        opensHome(carol, "home");

        JsonNode home = app.slack().awaitHome(carol, 1);
        assertThat(home.path("blocks").size()).isEqualTo(100);
        String text = Texts.blocksText(home);
        assertThat(text).contains("Board first", "brick 0").contains("more blocks did not fit on the Home tab");
    }

    @Test
    void openingTheMessagesTabPublishesNothing() {
        String dave = someone("UDAVE");
        notes.put(dave, "unseen");
        opensHome(dave, "messages");
        app.awaitJobsDone();
        replica.awaitJobsDone();

        assertThat(app.slack().homes(dave)).isEmpty();
    }

    @Test
    void changesWithinAFewSecondsArePublishedOnceNowAndOnceMoreWhenTheWaitEnds() {
        String erin = someone("UERIN");
        notes.put(erin, "first");
        board.homeChanged(erin);
        assertThat(Texts.blocksText(app.slack().awaitHome(erin, 1))).contains("first");

        notes.put(erin, "second");
        board.homeChanged(erin);
        notes.put(erin, "third");
        replicaBoard.homeChanged(erin);
        app.awaitJobsDone();
        replica.awaitJobsDone();
        assertThat(app.slack().homes(erin)).hasSize(1);

        clock.advance(Duration.ofSeconds(5));
        app.runDueJobs();
        assertThat(app.slack().homes(erin)).hasSize(2);
        assertThat(Texts.blocksText(app.slack().homes(erin).get(1))).contains("third");
    }

    @Test
    void aChangeDuringTheWaitIsPublishedWhenTheWaitEndsEvenWhenTheClockIsFinerThanTheDatabaseKeeps() {
        clock.set(clock.instant().plus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusNanos(700));
        String gina = someone("UGINA");
        notes.put(gina, "first");
        board.homeChanged(gina);
        app.slack().awaitHome(gina, 1);

        notes.put(gina, "second");
        replicaBoard.homeChanged(gina);
        app.awaitJobsDone();
        replica.awaitJobsDone();
        assertThat(app.slack().homes(gina)).hasSize(1);

        clock.advance(Duration.ofSeconds(5));
        app.runDueJobs();
        replica.runDueJobs();
        assertThat(app.slack().homes(gina)).hasSize(2);
        assertThat(Texts.blocksText(app.slack().homes(gina).get(1))).contains("second");
    }

    @Test
    void aChangeSeenByTheOtherReplicaAfterTheWaitIsPublishedAtOnce() {
        String frank = someone("UFRANK");
        notes.put(frank, "before");
        board.homeChanged(frank);
        app.slack().awaitHome(frank, 1);

        clock.advance(Duration.ofSeconds(6));
        notes.put(frank, "after");
        replicaBoard.homeChanged(frank);

        assertThat(Texts.blocksText(app.slack().awaitHome(frank, 2))).contains("after");
    }
}
