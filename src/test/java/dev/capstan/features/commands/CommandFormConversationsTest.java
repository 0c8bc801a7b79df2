package dev.capstan.features.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.ModalInputs;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlackUser;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestDatabases;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** A declared command run from Home: its button opens a form, and submitting the form runs it as if typed in the chosen channel. */
@OnEveryDatabase
class CommandFormConversationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    TestDatabases.Kind database;
    private static Declared declared;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabases.Kind database) {
        declared = new Declared(database);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        declared.close();
    }

    @Test
    void theButtonOnHomeOpensAFormWithAnInputPerArgumentAndTheChannelToPostIn() throws Exception {
        SlackUser bob = declared.app.as("U0BOBFORM" + database.name().charAt(0));
        bob.opensHome();
        JsonNode home = declared.app.slack().awaitHome(bob.id(), 1);
        assertThat(home.toString()).contains("\"action_id\":\"commands.form.open\"", "\"value\":\"typed\"");

        JsonNode form = opensForm(bob, "typed");

        assertThat(form.path("callback_id").asText()).isEqualTo("commands.form");
        assertThat(form.path("private_metadata").asText()).isEqualTo("typed");
        List<String> inputs = form.path("blocks").findValues("block_id").stream().map(JsonNode::asText).toList();
        assertThat(inputs).containsSubsequence("p.word", "p.count", "p.size", "p.force", "p.day", "p.who", "p.where", "channel");
        JsonNode channel = form.path("blocks").findParent("response_url_enabled");
        assertThat(channel.path("type").asText()).isEqualTo("conversations_select");
        assertThat(channel.path("response_url_enabled").asBoolean()).isTrue();
        assertThat(form.toString()).contains("\"type\":\"checkboxes\"", "\"type\":\"static_select\"");
    }

    @Test
    void submittingTheFormRunsTheCommandAsTypedAndRepliesToTheChosenChannel() throws Exception {
        SlackUser bob = declared.app.as("U0BOBFORM2");
        SlashReply typed = bob.in("CGENERAL").run("/capstan typed typed 5 --size large --force");
        opensForm(bob, "typed");

        SlashReply submitted = bob.submitPostingIn("commands.form", "typed", ModalInputs.of().text("p.word", "formed")
                .text("p.count", "5").option("p.size", "large").checked("p.force", "on"), "channel", "CGENERAL");

        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.body()).doesNotContain("errors");
        List<FakeSlack.HookPost> replies = declared.app.slack().awaitPosts(submitted.responseUrl(), 1);
        assertThat(replies.get(0).text()).isEqualTo(typed.text().replace("typed", "formed")).isEqualTo("Storing formed…");
        JsonNode viaForm = JSON.readTree(declared.target.awaitPath("/typed/formed").body());
        JsonNode asTyped = JSON.readTree(declared.target.awaitPath("/typed/typed").body());
        assertThat(viaForm.path("word").asText()).isEqualTo("formed");
        assertThat(((com.fasterxml.jackson.databind.node.ObjectNode) viaForm.deepCopy()).put("word", "typed")).isEqualTo(asTyped);
    }

    @Test
    void aValueWithSpacesArrivesAsOneValue() {
        SlackUser bob = declared.app.as("U0BOBFORM3");

        SlashReply submitted = bob.submitPostingIn("commands.form", "note", ModalInputs.of().text("p.item", "form-note")
                .text("p.text", "two \"quoted\" words"), "channel", "CGENERAL");

        assertThat(submitted.body()).doesNotContain("errors");
        String body = declared.target.awaitPath("/items/form-note").body();
        assertThat(URLDecoder.decode(body, StandardCharsets.UTF_8)).isEqualTo("item=form-note&text=two \"quoted\" words");
    }

    @Test
    void aRequiredArgumentLeftEmptyIsShownNextToItsFieldAndNothingRuns() throws Exception {
        SlackUser bob = declared.app.as("U0BOBFORM4");
        int before = declared.target.requests().size();

        SlashReply submitted = bob.submitPostingIn("commands.form", "typed", ModalInputs.of().text("p.word", "")
                .option("p.size", "small"), "channel", "CGENERAL");

        JsonNode answer = JSON.readTree(submitted.body());
        assertThat(answer.path("response_action").asText()).isEqualTo("errors");
        assertThat(answer.path("errors").path("p.word").asText()).isEqualTo("Required.");
        declared.app.awaitJobsDone();
        assertThat(declared.app.slack().posts(submitted.responseUrl())).isEmpty();
        assertThat(declared.target.requests()).hasSize(before);
    }

    @Test
    void aCommandIMayNotRunInTheChosenChannelIsRefusedWithTheUsualMessage() {
        SlackUser lead = declared.app.as(Declared.LEAD);
        String typed = lead.in("CGENERAL").run("/capstan restart api").text();

        SlashReply submitted = lead.submitPostingIn("commands.form", "restart", ModalInputs.of().option("p.service", "api")
                .option("p.env", "staging"), "channel", "CGENERAL");

        assertThat(submitted.body()).doesNotContain("errors");
        String reply = declared.app.slack().awaitPosts(submitted.responseUrl(), 1).get(0).text();
        assertThat(reply).isEqualTo(typed).contains("`restart` runs only in <#C0OPS00001>");
        assertThat(declared.jenkins.triggers()).isEmpty();
    }

    private static JsonNode opensForm(SlackUser user, String command) throws Exception {
        int before = declared.app.slack().calls("views.open").size();
        user.click(new SlashReply.Button(CommandForm.OPEN, command, "Run " + command + "…"));
        List<FakeSlack.ApiCall> opened = declared.app.slack().calls("views.open");
        assertThat(opened).hasSize(before + 1);
        return JSON.readTree(opened.get(opened.size() - 1).arg("view"));
    }
}
