package dev.capstan.features.flush;

import static dev.capstan.features.flush.FlushWorld.ALICE;
import static dev.capstan.features.flush.FlushWorld.BOB;
import static dev.capstan.features.flush.FlushWorld.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** /flush opens the modal inside the trigger window, then shows the form or why not; every bad line is named before anything is sent. */
@OnEveryDatabase
class FlushFormTest {
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

    private static JsonNode lastView(String method) throws Exception {
        List<FakeSlack.ApiCall> calls = world.slack().calls(method);
        return JSON.readTree(calls.get(calls.size() - 1).arg("view"));
    }

    private static List<String> options(JsonNode view, String blockId) {
        List<String> values = new ArrayList<>();
        for (JsonNode block : view.path("blocks")) {
            if (blockId.equals(block.path("block_id").asText())) block.path("element").path("options").forEach(o -> values.add(o.path("value").asText()));
        }
        return values;
    }

    @Test
    void flushOpensACheckingModalWithTheTriggerThenUpdatesItToTheFormWithTheTargetsFilledIn() throws Exception {
        SlashReply reply = world.app.as(ALICE).run("/flush https://www.nhs.uk/a <https://www.nhs.uk/b>");

        assertThat(reply.text()).contains("Opened the cache flush form");
        List<String> order = world.slack().allCalls().stream().map(FakeSlack.ApiCall::method).filter(m -> m.startsWith("views.")).toList();
        assertThat(order.subList(order.size() - 2, order.size())).containsExactly("views.open", "views.update");
        FakeSlack.ApiCall open = world.slack().calls("views.open").get(world.slack().calls("views.open").size() - 1);
        assertThat(open.arg("trigger_id")).isEqualTo("1337.42.abcdef");
        assertThat(open.arg("view")).contains("Checking whether you may flush");
        FakeSlack.ApiCall update = world.slack().calls("views.update").get(world.slack().calls("views.update").size() - 1);
        assertThat(update.arg("view_id")).startsWith("V");
        JsonNode form = lastView("views.update");
        assertThat(form.path("callback_id").asText()).isEqualTo(FlushViews.CALLBACK_ID);
        assertThat(options(form, FlushViews.SITE)).containsExactly("nhs", "shop", "blog", "play");
        assertThat(options(form, FlushViews.KIND)).containsExactly("url", "tag", "host", "prefix");
        assertThat(options(form, FlushViews.MODE)).containsExactly("invalidate", "delete");
        assertThat(form.toString()).contains("https://www.nhs.uk/a\\nhttps://www.nhs.uk/b")
                .contains("Soft purge: Fastly marks the content stale").contains("Cloudflare has no soft purge")
                .contains("revalidates it with your origin");
    }

    @Test
    void someoneWhoMayUseNoSiteSeesWhyAndAnAccessRequestNamingTheirSlackId() throws Exception {
        SlashReply reply = world.app.as(BOB).run("/flush");

        assertThat(reply.text()).contains("You may not flush any site's cache yet");
        JsonNode view = lastView("views.update");
        assertThat(view.toString()).contains("You may not flush any site's cache").contains("access rule for `flush <site>`")
                .contains("My Slack member id is UBOB00001").doesNotContain("callback_id");
    }

    @Test
    void theSiteSelectOffersOnlyTheSitesThePersonMayUse() throws Exception {
        world.app.as(CAROL).run("/flush");

        JsonNode form = lastView("views.update");
        assertThat(options(form, FlushViews.SITE)).containsExactly("nhs");
        assertThat(options(form, FlushViews.KIND)).containsExactly("url", "tag");
    }

    @Test
    void everyBadLineIsNamedInTheModalAndNothingIsSent() {
        SlashReply reply = world.submit(ALICE, "VBADLINES", "nhs", "url", "invalidate", """
                https://www.nhs.uk/fine
                www.nhs.uk/no-scheme
                https://evilnhs.uk/page
                https://nhs.uk.evil.com/page
                https://www.nhs.uk/news/*
                """);

        JsonNode errors = reply.json().path("errors");
        assertThat(reply.json().path("response_action").asText()).isEqualTo("errors");
        assertThat(errors.path(FlushViews.TARGETS).asText().split("\n")).containsExactly(
                "4 lines need fixing:",
                "Line 2: “www.nhs.uk/no-scheme” is not a URL: give the whole address, e.g. https://nhs.uk/page",
                "Line 3: “https://evilnhs.uk/page” is on evilnhs.uk, which is not a host of site nhs (nhs.uk, campaignresources.dhsc.gov.uk, or hosts below them)",
                "Line 4: “https://nhs.uk.evil.com/page” is on nhs.uk.evil.com, which is not a host of site nhs (nhs.uk, campaignresources.dhsc.gov.uk, or hosts below them)",
                "Line 5: “https://www.nhs.uk/news/*” has a wildcard, which Akamai cannot purge by URL; purge by cache tag instead");
        assertThat(world.akamai.received()).isEmpty();
    }

    @Test
    void aKindOrModeTheCdnLacksIsRefusedNextToItsInput() {
        JsonNode akamaiHosts = world.submit(ALICE, "VKIND1", "nhs", "host", "invalidate", "www.nhs.uk").json().path("errors");
        JsonNode playPrefix = world.submit(ALICE, "VKIND2", "play", "prefix", "delete", "example.org/a/").json().path("errors");
        JsonNode cloudflareSoft = world.submit(ALICE, "VKIND3", "blog", "url", "invalidate", "https://www.example.com/").json().path("errors");
        JsonNode cpCodeInForm = world.submit(ALICE, "VKIND4", "nhs", "cpcode", "invalidate", "12345").json().path("errors");

        assertThat(akamaiHosts.path(FlushViews.KIND).asText()).isEqualTo("Akamai cannot purge hosts; it purges url, tag, cpcode.");
        assertThat(playPrefix.path(FlushViews.KIND).asText()).isEqualTo("Site play may purge url, tag, everything, not prefix.");
        assertThat(cloudflareSoft.path(FlushViews.MODE).asText()).startsWith("Cloudflare has no invalidate").endsWith("Choose delete.");
        assertThat(cpCodeInForm.path(FlushViews.KIND).asText()).contains("is for admins and asks to confirm: `/flush everything nhs CPCODE…`");
        assertThat(world.akamai.received()).isEmpty();
        assertThat(world.cloudflare.received()).isEmpty();
    }

    @Test
    void moreTargetsThanTheSiteTakesAreRefusedWhateverSlackWouldHaveCapped() {
        String six = String.join("\n", List.of("a", "b", "c", "d", "e", "f").stream().map(p -> "https://example.org/" + p).toList());

        JsonNode errors = world.submit(ALICE, "VMANY", "play", "url", "delete", six).json().path("errors");

        assertThat(errors.path(FlushViews.TARGETS).asText()).isEqualTo("That is 6 URLs; site play takes at most 5 in one request. "
                + "Split the list, or purge by cache tag.");
        assertThat(world.pretendCdn.received()).isEmpty();
    }

    @Test
    void anEmptyListAndASiteThePersonMayNotUseAreRefusedToo() {
        JsonNode empty = world.submit(ALICE, "VEMPTY", "play", "tag", "delete", " \n \n").json().path("errors");
        JsonNode carolOnShop = world.submit(CAROL, "VSHOP", "shop", "url", "delete", "https://shop.example.com/").json().path("errors");

        assertThat(empty.path(FlushViews.TARGETS).asText()).isEqualTo("Give at least one cache tag, one per line.");
        assertThat(carolOnShop.path(FlushViews.SITE).asText()).isEqualTo("You may not flush site shop; ask an admin for access "
                + "(your Slack member id is UCAROL001).");
        assertThat(world.fastly.received()).isEmpty();
    }

    @Test
    void anAcceptedRequestShowsBeingProcessedAndSendsEachTargetOnceTrimmedWithoutBlankLines() {
        SlashReply reply = world.submit(ALICE, "VTRIM", "play", "url", "delete", "  https://example.org/a \n\n https://example.org/a\nhttps://EXAMPLE.org/b\n");

        assertThat(reply.json().path("response_action").asText()).isEqualTo("update");
        assertThat(reply.json().path("view").toString()).contains("Your request is being processed").contains("2 URLs");
        world.dms(ALICE, 1);
        assertThat(world.pretendCdn.received()).anySatisfy(call ->
                assertThat(call.targets()).containsExactly("https://example.org/a", "https://example.org/b"));
    }
}
