package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.http.HttpExchange;
import dev.capstan.support.TestClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeWebApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIEW = "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"One\"},\"blocks\":[]}";

    private final TestClock clock = TestClock.systemNow();
    private final Workspace workspace = new Workspace(clock);
    private final FakeWebApi api = new FakeWebApi(workspace, "http://127.0.0.1:3000");

    private JsonNode call(String method, String form) throws Exception {
        HttpExchange.Request request = new HttpExchange.Request("/playground/api/" + method,
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), form, "127.0.0.1");
        return JSON.readTree(api.handle(request).body());
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aMessagePostedToAPersonLandsInTheirDmAndChatUpdateEditsItInPlace() throws Exception {
        JsonNode posted = call("chat.postMessage", "token=xoxb-secret&channel=UMEMBER01&text=first");
        assertThat(posted.path("channel").asText()).isEqualTo("DUMEMBER01");
        JsonNode updated = call("chat.update", "channel=DUMEMBER01&ts=" + posted.path("ts").asText() + "&text=second");
        assertThat(updated.path("ok").asBoolean()).isTrue();
        assertThat(workspace.visible("UMEMBER01", "DUMEMBER01")).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("second"))
                .satisfies(m -> assertThat(m.edited()).isTrue());
        assertThat(workspace.calls().toString()).contains("chat.update").doesNotContain("xoxb-secret");
    }

    @Test
    void aTriggerIdOpensOneModalOnlyAndNotAfterThreeSeconds() throws Exception {
        String trigger = workspace.newTrigger("ULEAD0001");
        JsonNode opened = call("views.open", "trigger_id=" + trigger + "&view=" + encoded(VIEW));
        assertThat(opened.path("view").path("id").asText()).startsWith("V");
        assertThat(call("views.open", "trigger_id=" + trigger + "&view=" + encoded(VIEW)).path("error").asText())
                .isEqualTo("expired_trigger_id");
        String late = workspace.newTrigger("ULEAD0001");
        clock.advance(Duration.ofSeconds(4));
        assertThat(call("views.open", "trigger_id=" + late + "&view=" + encoded(VIEW)).path("ok").asBoolean()).isFalse();
    }

    @Test
    void viewsUpdateReplacesTheOpenModalAndViewsPushStacksAnother() throws Exception {
        String viewId = call("views.open", "trigger_id=" + workspace.newTrigger("ULEAD0001") + "&view=" + encoded(VIEW))
                .path("view").path("id").asText();
        call("views.update", "view_id=" + viewId + "&view=" + encoded(VIEW.replace("One", "Two")));
        assertThat(workspace.topModal("ULEAD0001").orElseThrow().view().path("title").path("text").asText()).isEqualTo("Two");
        call("views.push", "trigger_id=" + workspace.newTrigger("ULEAD0001") + "&view=" + encoded(VIEW.replace("One", "Three")));
        assertThat(workspace.topModal("ULEAD0001").orElseThrow().view().path("title").path("text").asText()).isEqualTo("Three");
        workspace.closeModal("ULEAD0001", false);
        assertThat(workspace.topModal("ULEAD0001").orElseThrow().id()).isEqualTo(viewId);
    }

    @Test
    void viewsUpdateWithAHashThatIsNoLongerTheModalsIsRefusedAndChangesNothing() throws Exception {
        JsonNode opened = call("views.open", "trigger_id=" + workspace.newTrigger("ULEAD0001") + "&view=" + encoded(VIEW)).path("view");
        String viewId = opened.path("id").asText();
        JsonNode updated = call("views.update", "view_id=" + viewId + "&hash=" + opened.path("hash").asText() + "&view="
                + encoded(VIEW.replace("One", "Two"))).path("view");
        assertThat(updated.path("hash").asText()).isNotBlank().isNotEqualTo(opened.path("hash").asText());

        JsonNode stale = call("views.update", "view_id=" + viewId + "&hash=" + opened.path("hash").asText() + "&view="
                + encoded(VIEW.replace("One", "Three")));

        assertThat(stale.path("error").asText()).isEqualTo("hash_conflict");
        assertThat(workspace.topModal("ULEAD0001").orElseThrow().view().path("title").path("text").asText()).isEqualTo("Two");
        assertThat(call("views.update", "view_id=" + viewId + "&view=" + encoded(VIEW.replace("One", "Four"))).path("ok").asBoolean())
                .as("an update without a hash always lands").isTrue();
    }

    @Test
    void aMethodSlackDoesNotHaveIsAnsweredAsSlackWould() throws Exception {
        assertThat(call("chat.sendTelegram", "channel=C1").path("error").asText()).isEqualTo("unknown_method");
    }

    @Test
    void aFileUploadedInThreeStepsIsSharedInTheChannelWithItsNameAndAPreviewOfItsText() throws Exception {
        JsonNode url = call("files.getUploadURLExternal", "filename=hours.csv&length=24");
        String fileId = url.path("file_id").asText();
        assertThat(url.path("upload_url").asText()).isEqualTo("http://127.0.0.1:3000/playground/upload/" + fileId);
        HttpExchange.Response uploaded = api.upload(new HttpExchange.Request("/playground/upload/" + fileId, Map.of(),
                "user_id,hours\nUMEMBER01,8", "127.0.0.1"));
        assertThat(uploaded.status()).isEqualTo(200);
        JsonNode done = call("files.completeUploadExternal", "channel_id=COPS&initial_comment=May&files="
                + encoded("[{\"id\":\"" + fileId + "\",\"title\":\"Hours of May\"}]"));
        assertThat(done.path("files").get(0).path("id").asText()).isEqualTo(fileId);
        assertThat(workspace.visible("UMEMBER02", "COPS")).singleElement().satisfies(m -> assertThat(m.text())
                .contains("May").contains("Hours of May").contains("hours.csv").contains("UMEMBER01,8"));
    }

    @Test
    void completingAFileThatWasNeverUploadedFailsAsSlackWould() throws Exception {
        String fileId = call("files.getUploadURLExternal", "filename=a.csv&length=1").path("file_id").asText();
        assertThat(call("files.completeUploadExternal", "channel_id=COPS&files=" + encoded("[{\"id\":\"" + fileId + "\"}]"))
                .path("error").asText()).isEqualTo("file_not_found");
        assertThat(api.upload(new HttpExchange.Request("/playground/upload/FNOPE", Map.of(), "x", "127.0.0.1")).status())
                .isEqualTo(404);
        assertThat(workspace.visible("UMEMBER02", "COPS")).isEmpty();
    }

    @Test
    void usersConversationsListsTheChannelsThePersonIsInAndNoOthers() throws Exception {
        workspace.join("UNEWCOMER", "CDEV");

        JsonNode answer = call("users.conversations", "user=UNEWCOMER");

        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(answer.path("channels").findValuesAsText("id")).containsExactly("CDEV");
        assertThat(call("users.conversations", "user=UNOBODY00").path("channels").size()).isZero();
    }
}
