package dev.capstan.features.flush;

import static dev.capstan.features.flush.FlushWorld.ALICE;
import static dev.capstan.features.flush.FlushWorld.BOB;
import static dev.capstan.features.flush.FlushWorld.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.support.Await;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestDatabases;
import dev.capstan.support.Texts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Where a result goes (the open modal, a DM, the audit channel), what a double submit does, history, and "purge again". */
@OnEveryDatabase
class FlushResultsTest {
    @Parameter
    TestDatabases.Kind database;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FlushWorld world;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabases.Kind database) {
        world = new FlushWorld(database, null);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        world.close();
    }

    private static long fakeCallsWith(String target) {
        return world.pretendCdn.received().stream().filter(r -> r.targets().contains(target)).count();
    }

    @Test
    void theResultReplacesTheStillOpenModal() {
        world.submit(ALICE, "VOPEN", "blog", "url", "delete", "https://www.example.com/modal-open");

        world.dm(ALICE, "modal-open");
        FakeSlack.ApiCall update = Await.until(() -> world.slack().calls("views.update").stream()
                .filter(c -> "VOPEN".equals(c.arg("view_id"))).toList(), list -> !list.isEmpty(), Duration.ofSeconds(10), "the modal's update").get(0);
        assertThat(update.arg("view")).contains("Cache purged").contains("modal-open").doesNotContain("Purge again");
    }

    @Test
    void aResultThatReachesSlackBeforeTheSubmissionsAckIsShownAgainOnceTheAckHasSettled() {
        String viewId = world.openForm(ALICE);
        SlashReply ack = world.submitShown(ALICE, viewId, "play", "url", "delete", "https://example.org/before-the-ack");
        world.dm(ALICE, "before-the-ack");
        world.app.awaitJobsDone();
        assertThat(shownIn(viewId)).contains("Cache purged");

        world.slack().applyAck(viewId, ack);
        assertThat(shownIn(viewId)).contains("being processed");
        world.app.clock().advance(ModalResult.ACK_SETTLED);
        world.app.runDueJobs();

        assertThat(shownIn(viewId)).as("after %s", updatesOf(viewId)).contains("Cache purged").contains("before-the-ack")
                .doesNotContain("being processed");
    }

    @Test
    void aResultThatReachesSlackAfterTheSubmissionsAckReplacesTheProcessingViewAtOnce() {
        String viewId = world.openForm(ALICE);
        SlashReply processing = new SlashReply(200, "{\"response_action\":\"update\",\"view\":{\"type\":\"modal\",\"blocks\":"
                + "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"being processed\"}}]}}", null);
        AtomicBoolean acked = new AtomicBoolean();
        world.slack().onCall(call -> {
            if (call.method().equals("views.update") && viewId.equals(call.arg("view_id")) && acked.compareAndSet(false, true)) {
                world.slack().applyAck(viewId, processing);
            }
        });

        world.submitShown(ALICE, viewId, "play", "url", "delete", "https://example.org/after-the-ack");
        world.dm(ALICE, "after-the-ack");
        world.app.awaitJobsDone();

        assertThat(shownIn(viewId)).contains("Cache purged").contains("after-the-ack");
        world.app.clock().advance(ModalResult.ACK_SETTLED);
        world.app.runDueJobs();
        assertThat(world.slack().calls("views.update").stream().filter(c -> viewId.equals(c.arg("view_id"))))
                .as("the form, the result refused for its stale hash, the result").hasSize(3);
    }

    /** The views.update calls for this modal, as (hash, headline) pairs: what to look at when a test here fails. */
    private static List<String> updatesOf(String viewId) {
        return world.slack().calls("views.update").stream().filter(c -> viewId.equals(c.arg("view_id")))
                .map(c -> c.arg("hash") + " " + c.arg("view").replaceAll(".*?\"text\":\"([^\"]{0,40}).*", "$1")).toList();
    }

    private static String shownIn(String viewId) {
        return Texts.blocksText(world.slack().modal(viewId).orElseThrow());
    }

    @Test
    void aModalClosedBeforeTheResultChangesNothingElse() {
        world.slack().scriptNext("views.update", new FakeSlack.Scripted(200, Map.of(), "{\"ok\":false,\"error\":\"not_found\"}"));

        world.submit(ALICE, "VCLOSED", "play", "url", "delete", "https://example.org/closed-modal");

        assertThat(world.dm(ALICE, "closed-modal").arg("blocks")).contains("Cache purged");
        assertThat(world.app.as(ALICE).run("/flush history --site play").text()).contains("succeeded");
    }

    @Test
    void aDoubleSubmitOfTheSameViewPurgesOnce() throws Exception {
        SlashReply first = world.submit(ALICE, "VTWICE", "play", "tag", "delete", "double-submit-tag");
        SlashReply second = world.submit(ALICE, "VTWICE", "play", "tag", "delete", "double-submit-tag");

        assertThat(first.json().path("response_action").asText()).isEqualTo("update");
        assertThat(second.json().path("response_action").asText()).isEqualTo("update");
        world.dm(ALICE, "double-submit-tag");
        world.app.awaitJobsDone();
        assertThat(fakeCallsWith("double-submit-tag")).isEqualTo(1);
        assertThat(world.slack().calls("chat.postMessage").stream().filter(c -> FlushWorld.says(c, "double-submit-tag"))).hasSize(1);
    }

    @Test
    void purgeAgainRepeatsTheOrderOncePerClickerAndMessage() throws Exception {
        world.submit(ALICE, "VAGAIN", "play", "tag", "delete", "again-tag");
        JsonNode blocks = JSON.readTree(world.dm(ALICE, "again-tag").arg("blocks"));
        JsonNode button = blocks.findValues("elements").stream().flatMap(e -> java.util.stream.StreamSupport.stream(e.spliterator(), false))
                .filter(e -> "flush.again".equals(e.path("action_id").asText())).findFirst().orElseThrow();
        SlashReply.Button again = new SlashReply.Button(PurgeReport.AGAIN_ACTION, button.path("value").asText(), "Purge again");

        world.app.as(ALICE).click(again);
        world.app.as(ALICE).click(again);
        world.app.as(BOB).click(again);

        world.dm(ALICE, "Purging again on play");
        world.dm(ALICE, "You already asked to purge that again");
        assertThat(world.dm(BOB, "You may not flush site play").arg("text")).contains("your Slack member id is UBOB00001");
        world.app.awaitJobsDone();
        assertThat(fakeCallsWith("again-tag")).isEqualTo(2);
    }

    @Test
    void myHomeListsMyLastPurgesWithTheirResultAndPurgeAgainRepeatsOne() throws Exception {
        world.submit(CAROL, "VHOME", "nhs", "url", "invalidate", "https://nhs.uk/home-page");
        world.dm(CAROL, "home-page");
        world.app.as(CAROL).opensHome();

        JsonNode home = world.slack().awaitHome(CAROL, 1);
        assertThat(Texts.blocksText(home)).contains("Your last purges").contains("https://nhs.uk/home-page")
                .contains(":white_check_mark: succeeded").doesNotContain("again-tag");
        JsonNode button = home.path("blocks").findValues("elements").stream().flatMap(e -> java.util.stream.StreamSupport.stream(e.spliterator(), false))
                .filter(e -> PurgeReport.AGAIN_ACTION.equals(e.path("action_id").asText())).findFirst().orElseThrow();
        world.app.as(CAROL).click(new SlashReply.Button(PurgeReport.AGAIN_ACTION, button.path("value").asText(), "Purge again"));

        world.dm(CAROL, "Purging again on");
    }

    @Test
    void someoneWhoNeverPurgedHasNoPurgesPartOnTheirHome() {
        world.app.as(BOB).opensHome();

        assertThat(Texts.blocksText(world.slack().awaitHome(BOB, 1))).doesNotContain("Your last purges");
    }

    @Test
    void historyListsRecentPurgesOfTheSitesOneMayUse() {
        world.submit(ALICE, "VHIST", "play", "tag", "delete", "history-tag");
        world.dm(ALICE, "history-tag");

        String history = world.app.as(ALICE).run("/flush history --site play").text();
        assertThat(history).contains("Recent purges on play").contains("UALICE001").contains("delete").contains("1 cache tag")
                .contains("succeeded");
        assertThat(world.app.as(ALICE).run("/flush history --site plya").text()).contains("There is no site `plya`. Did you mean `play`?");
        assertThat(world.app.as(BOB).run("/flush history").text()).isEqualTo("You may not flush any site's cache, so there is no history to show.");
        assertThat(world.app.as(FlushWorld.CAROL).run("/flush history --site play").text())
                .isEqualTo("You may not flush site play, so its history is not shown.");
    }
}
