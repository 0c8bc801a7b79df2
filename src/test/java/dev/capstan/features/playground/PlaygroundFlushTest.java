package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.app.Launcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The playground's pretend CDN site: a new user tries the whole cache flush flow offline. */
class PlaygroundFlushTest {
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

    private static ObjectNode option(ObjectNode values, String id, String value) {
        values.putObject(id).putObject(id).put("type", "static_select").putObject("selected_option").put("value", value);
        return values;
    }

    @Test
    void anAdminFlushesThePretendSiteFromTheFormAndSeesTheResultInTheModalAndByDm() {
        PlaygroundVisitor ada = new PlaygroundVisitor(running.playgroundUrl(), "UADMIN001", "CGENERAL");
        ada.type("/flush https://example.com/pricing");
        var form = ada.awaitState("the form", s -> s.path("modal").path("view").path("callback_id").asText().equals("flush.form"));
        assertThat(form.path("modal").path("view").toString()).contains("https://example.com/pricing").contains("Pretend CDN");

        ObjectNode values = JSON.createObjectNode();
        option(values, "site", "playground");
        option(values, "kind", "url");
        option(values, "mode", "invalidate");
        values.putObject("targets").putObject("targets").put("type", "plain_text_input").put("value", "https://example.com/pricing");
        ada.submitModal(values);

        ada.awaitState("the result in the modal", s -> s.path("modal").path("view").toString().contains("Cache purged"));
        ada.awaitState("the result by DM", s -> s.path("dms").toString().contains("Cache purged"));
    }

    @Test
    void thePretendFlushServiceSiteGoesThroughProviderHttpAndShowsAPartialResult() {
        PlaygroundVisitor ada = new PlaygroundVisitor(running.playgroundUrl(), "UADMIN001", "CGENERAL");
        ada.type("/flush");
        ada.awaitState("the form", s -> s.path("modal").path("view").toString().contains("own-service"));

        ObjectNode values = JSON.createObjectNode();
        option(values, "site", "own-service");
        option(values, "kind", "url");
        option(values, "mode", "delete");
        values.putObject("targets").putObject("targets").put("type", "plain_text_input")
                .put("value", "https://example.com/fresh-page\nhttps://example.com/stale-page");
        ada.submitModal(values);

        ada.awaitState("a partial result by DM", s -> s.path("dms").toString().contains("Cache partly purged")
                && s.path("dms").toString().contains("the pretend service keeps stale pages"));
    }

    @Test
    void aMemberSeesHowToAskForAccess() {
        PlaygroundVisitor mia = new PlaygroundVisitor(running.playgroundUrl(), "UMEMBER01", "CGENERAL");
        mia.type("/flush");
        mia.awaitState("the access request", s -> s.path("modal").path("view").toString().contains("My Slack member id is UMEMBER01"));
    }
}
