package dev.capstan.features.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.app.Launcher;
import dev.capstan.app.Main;
import dev.capstan.platform.Feature;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlaygroundConversationsTest {
    private static final TryOutFamily tryout = new TryOutFamily();
    private static Launcher.Running running;

    @BeforeAll
    static void start() {
        running = Launcher.start(Map.of("PORT", "0", "DATABASE_URL", TestDatabases.freshUrl(TestDatabases.Kind.H2)),
                features(), Clock.systemUTC(), TestApp.FAST_JOBS);
    }

    private static List<Feature> features() {
        List<Feature> features = new ArrayList<>(Main.features());
        features.add(tryout);
        return features;
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static PlaygroundVisitor as(String user, String channel) {
        return new PlaygroundVisitor(running.playgroundUrl(), user, channel);
    }

    private static List<String> texts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(m -> texts.add(m.path("text").asText()));
        return texts;
    }

    @Test
    void withoutSlackCredentialsThePlaygroundIsServedOnLocalhostOnly() throws Exception {
        assertThat(running.playgroundUrl()).startsWith("http://127.0.0.1:");
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(running.playgroundUrl())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Capstan playground");
    }

    @Test
    void theHomeTabShowsWhatCapstanPublishedForThatPersonOnly() {
        PlaygroundVisitor admin = as("UADMIN001", "CDEV");
        admin.openHome();

        JsonNode state = admin.awaitState("the Home tab published", s -> s.path("home").path("html").asText().contains("Your time"));
        assertThat(state.path("home").path("html").asText()).contains("Your profile").contains("Add time");
        assertThat(state.path("home").path("html").asText()).contains("admin");
        String theirs = as("UMEMBER01", "CDEV").state().path("home").path("html").asText();
        assertThat(theirs).as("another person's Home is theirs alone (published for them when something of theirs changed, or not at all)")
                .doesNotContain("admin");
    }

    @Test
    void aSlashCommandIsAnsweredOnlyToWhoeverTypedIt() {
        as("UADMIN001", "CDEV").type("/capstan whoami");
        JsonNode mine = as("UADMIN001", "CDEV").state().path("messages");
        assertThat(texts(mine)).contains("/capstan whoami").anySatisfy(t -> assertThat(t).contains("role *admin*"));
        assertThat(texts(as("UMEMBER01", "CDEV").state().path("messages"))).noneMatch(t -> t.contains("role *admin*"));
    }

    @Test
    void aDeclaredCommandRunsAgainstThePlaygroundsPretendDirectory() {
        PlaygroundVisitor ada = as("UMEMBER01", "CDEV");
        ada.type("/capstan whois ada");
        ada.awaitState("the result", s -> texts(s.path("messages")).stream().anyMatch(t -> t.contains("Pretend ada (playground)")));
    }

    @Test
    void aDeclaredCommandRunsFromItsFormOnHomeWithTheReplyInTheChosenChannel() {
        PlaygroundVisitor ada = as("UMEMBER02", "CDEV");
        ada.openHome();
        ada.awaitState("the command's button on Home", s -> s.path("home").path("html").asText().contains("Run whois…"));

        ada.clickOnHome("commands.form.open", "whois");
        JsonNode form = ada.awaitState("the form", s -> s.path("modal").path("html").asText().contains("Post the result in"));
        assertThat(form.path("modal").path("html").asText()).contains("login", "#general");
        ObjectNode values = new ObjectMapper().createObjectNode();
        values.putObject("p.login").putObject("p.login").put("type", "plain_text_input").put("value", "grace");
        values.putObject("channel").putObject("channel").put("type", "conversations_select").put("selected_conversation", "CGENERAL");
        ada.submitModal(values);

        as("UMEMBER02", "CGENERAL").awaitState("the result in the chosen channel",
                s -> texts(s.path("messages")).stream().anyMatch(t -> t.contains("Pretend grace (playground)")));
    }

    @Test
    void anEcsCommandRunsOnThePlaygroundsPretendEcsAndShowsExitCodeAndLogLink() {
        PlaygroundVisitor ada = as("UMEMBER01", "CDEV");
        ada.type("/capstan report acme --exit 3");
        ada.awaitState("the result", s -> texts(s.path("messages")).stream()
                .anyMatch(t -> t.contains("Exit code 3 in 3s") && t.contains("log-group/$252Fecs$252Fplayground")));
    }

    @Test
    void anInChannelReplyIsSeenByEveryone() {
        as("UMEMBER01", "COPS").type("/tryout announce deploy at noon");
        assertThat(texts(as("ULEAD0001", "COPS").state().path("messages"))).contains("deploy at noon");
    }

    @Test
    void confirmingReplacesTheQuestionWithTheOutcome() {
        PlaygroundVisitor mia = as("UMEMBER01", "CGENERAL");
        mia.type("/tryout forget the-milk");
        JsonNode question = mia.awaitState("the question", s -> texts(s.path("messages")).contains("Really forget the-milk?"))
                .path("messages").findParents("blocks").stream()
                .filter(m -> m.path("text").asText().equals("Really forget the-milk?")).findFirst().orElseThrow();
        mia.click(question, "Confirm");
        JsonNode after = mia.awaitState("the outcome", s -> texts(s.path("messages")).contains("Forgot the-milk."));
        assertThat(texts(after.path("messages"))).doesNotContain("Really forget the-milk?");
        assertThat(after.path("messages").findValues("edited")).anyMatch(JsonNode::asBoolean);
    }

    @Test
    void aButtonOfAFamilyIsAnsweredByItsClickHandlerReplacingTheMessage() {
        as("UMEMBER01", "CDEV").type("/tryout vote lunch at noon?");
        PlaygroundVisitor leo = as("ULEAD0001", "CDEV");
        JsonNode question = leo.state().path("messages").findParents("blocks").stream()
                .filter(m -> m.path("text").asText().equals("lunch at noon?")).findFirst().orElseThrow();
        leo.click(question, "Yes");
        leo.awaitState("the vote", s -> texts(s.path("messages")).contains("<@ULEAD0001> voted yes."));
        assertThat(texts(leo.state().path("messages"))).doesNotContain("lunch at noon?");
    }

    @Test
    void aDirectMessageArrivesInThePersonsOwnDmsAndIsRecordedAsAWebApiCall() {
        as("UMEMBER02", "CGENERAL").type("/tryout remind water the plants");
        JsonNode state = as("UMEMBER02", "CGENERAL").awaitState("the DM",
                s -> texts(s.path("dms")).contains("Reminder: water the plants"));
        assertThat(state.path("calls").findValuesAsText("method")).contains("chat.postMessage");
        assertThat(texts(as("UMEMBER01", "CGENERAL").state().path("dms"))).doesNotContain("Reminder: water the plants");
    }

    @Test
    void aModalOpensRefusesInvalidInputAndClosesOnAValidSubmit() {
        PlaygroundVisitor leo = as("ULEAD0001", "CGENERAL");
        leo.type("/tryout feedback");
        assertThat(leo.state().path("modal").path("view").path("callback_id").asText()).isEqualTo(TryOutFamily.FEEDBACK_MODAL);
        leo.submitModal("summary", "meh");
        assertThat(leo.state().path("modal").path("errors").path("summary").asText()).contains("at least 5 characters");
        leo.submitModal("summary", "More coffee, please");
        assertThat(leo.state().path("modal").isMissingNode()).isTrue();
        assertThat(tryout.feedback).contains("More coffee, please");
        leo.awaitState("the thank-you DM", s -> texts(s.path("dms")).contains("Thanks for your feedback: More coffee, please"));
    }

    private static JsonNode message(JsonNode state, String text) {
        return state.path("messages").findParents("blocks").stream()
                .filter(m -> m.path("text").asText().contains(text)).findFirst().orElseThrow();
    }

    @Test
    void aTimeReportExportUploadsTheCsvAndTheFileAppearsInTheChannelWithAPreview() {
        PlaygroundVisitor mia = as("UMEMBER01", "COPS");
        mia.type("/timereport add vab 2020-05-18");
        JsonNode question = message(mia.awaitState("the question", s -> texts(s.path("messages")).stream()
                .anyMatch(t -> t.contains("2020-05-18") && !t.startsWith("/"))), "2020-05-18");
        mia.click(question, "Confirm");
        mia.type("/timereport export 2020-05");
        JsonNode state = mia.awaitState("the shared file", s -> texts(s.path("messages")).stream()
                .anyMatch(t -> t.contains("timereport-2020-05-UMEMBER01.csv") && t.contains("UMEMBER01,2020-05-18,vab,8")));
        assertThat(state.path("calls").findValuesAsText("method"))
                .contains("files.getUploadURLExternal", "upload", "files.completeUploadExternal");
        assertThat(texts(as("ULEAD0001", "COPS").state().path("messages")))
                .anySatisfy(t -> assertThat(t).contains("timereport-2020-05-UMEMBER01.csv").contains("user_id,date,reason,hours"));
    }

    @Test
    void requestsThatAreNotSignedAreStillRejected() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(running.playgroundUrl() + "slack/commands"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("command=/capstan&text=whoami&user_id=UADMIN001")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }
}
