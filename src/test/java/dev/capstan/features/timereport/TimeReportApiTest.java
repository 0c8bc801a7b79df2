package dev.capstan.features.timereport;

import dev.capstan.store.ApiTokens;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestClock;
import dev.capstan.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The REST API with tokens that an admin creates and revokes from Slack. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeReportApiTest {
    static final String ADMIN = "UADMIN01";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.on(TestDatabases.Kind.H2).admins(ADMIN).feature(new TimeReport())
                .clock(new TestClock(Instant.parse("2020-05-18T08:00:00Z"))).start();
    }

    @AfterAll
    void stop() {
        app.closeAll();
    }

    /** The answer of one API call: status and JSON body. */
    record ApiAnswer(int status, JsonNode body) { }

    ApiAnswer call(String method, String path, String token, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json");
            if (token != null) request.header("Authorization", "Bearer " + token);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiAnswer(response.statusCode(), JSON.readTree(response.body()));
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    String createToken(String name) {
        String text = app.as(ADMIN).run("/timereport token create " + name).text();
        Matcher secret = Pattern.compile("`(ctr_[A-Za-z0-9_-]+)`").matcher(text);
        assertThat(secret.find()).as(text).isTrue();
        return secret.group(1);
    }

    void addViaSlack(String user, String command) {
        SlashReply ask = app.as(user).run(command);
        SlashReply click = app.as(user).click(ask.button("Confirm"));
        app.slack().awaitPosts(click.responseUrl(), 1);
    }

    @Test
    void withoutAValidTokenEverythingIsRefusedWith401() {
        assertThat(call("GET", "/api/timereport/users", null, null).status()).isEqualTo(401);
        assertThat(call("GET", "/api/timereport/entries?from=2020-05-01&to=2020-05-31", "ctr_guessed", null).status()).isEqualTo(401);
        ApiAnswer post = call("POST", "/api/timereport/entries", "",
                "{\"user_id\":\"UAPI00001\",\"date\":\"2020-05-19\",\"reason\":\"vab\"}");
        assertThat(post.status()).isEqualTo(401);
        assertThat(post.body().path("error").asText()).contains("bearer token");
    }

    @Test
    void aTokenReadsWhatWasReportedInSlack() {
        addViaSlack("UAPI00002", "/timereport add vab 2020-05-19:2020-05-20 6");
        String token = createToken("payroll");
        ApiAnswer entries = call("GET", "/api/timereport/entries?user=UAPI00002&from=2020-05-01&to=2020-05-31", token, null);
        assertThat(entries.status()).isEqualTo(200);
        assertThat(entries.body().toString()).isEqualTo("{\"entries\":["
                + "{\"user_id\":\"UAPI00002\",\"date\":\"2020-05-19\",\"reason\":\"vab\",\"hours\":6},"
                + "{\"user_id\":\"UAPI00002\",\"date\":\"2020-05-20\",\"reason\":\"vab\",\"hours\":6}]}");
        assertThat(call("GET", "/api/timereport/users", token, null).body().toString())
                .contains("{\"user_id\":\"UAPI00002\",\"entries\":2}");
    }

    @Test
    void entriesAreCreatedAndDeletedWithTheSameRulesAsInSlack() {
        String token = createToken("webui");
        String body = "{\"user_id\":\"UAPI00003\",\"date\":\"2020-05-19\",\"reason\":\"SJUK\",\"hours\":4}";
        ApiAnswer created = call("POST", "/api/timereport/entries", token, body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("reason").asText()).isEqualTo("sjuk");
        assertThat(call("POST", "/api/timereport/entries", token, body).status()).isEqualTo(409);
        assertThat(app.as("UAPI00003").run("/timereport list 2020-05-19").text()).contains("Tue 2020-05-19  sjuk  4 h");

        ApiAnswer badReason = call("POST", "/api/timereport/entries", token,
                "{\"user_id\":\"UAPI00003\",\"date\":\"2020-05-20\",\"reason\":\"vabb\"}");
        assertThat(badReason.status()).isEqualTo(400);
        assertThat(badReason.body().path("error").asText()).contains("Did you mean `vab`");
        assertThat(call("POST", "/api/timereport/entries", token,
                "{\"user_id\":\"UAPI00003\",\"date\":\"2020-05-20\",\"reason\":\"vab\",\"hours\":25}").status()).isEqualTo(400);
        assertThat(call("POST", "/api/timereport/entries", token, "{not json").status()).isEqualTo(400);
        assertThat(call("POST", "/api/timereport/entries", token,
                "{\"user_id\":\"bob\",\"date\":\"2020-05-20\",\"reason\":\"vab\"}").status()).isEqualTo(400);

        ApiAnswer deleted = call("DELETE", "/api/timereport/entries?user=UAPI00003&from=2020-05-01&to=2020-05-31", token, null);
        assertThat(deleted.body().path("deleted").asInt()).isEqualTo(1);
        assertThat(call("DELETE", "/api/timereport/entries?user=UAPI00003&from=2020-05-31&to=2020-05-01", token, null).status())
                .isEqualTo(400);
    }

    @Test
    void locksAreListedCreatedAndRemovedAndRefuseChanges() {
        String token = createToken("locks");
        assertThat(call("POST", "/api/timereport/locks", token, "{\"user_id\":\"UAPI00004\",\"month\":\"2020-04\"}").status())
                .isEqualTo(201);
        assertThat(call("POST", "/api/timereport/locks", token, "{\"user_id\":\"UAPI00004\",\"month\":\"2020-04\"}").status())
                .isEqualTo(409);
        assertThat(call("GET", "/api/timereport/locks?user=UAPI00004&year=2020", token, null).body().toString())
                .isEqualTo("{\"locks\":[{\"user_id\":\"UAPI00004\",\"month\":\"2020-04\"}]}");
        ApiAnswer refused = call("POST", "/api/timereport/entries", token,
                "{\"user_id\":\"UAPI00004\",\"date\":\"2020-04-06\",\"reason\":\"vab\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("error").asText()).contains("April 2020 is locked");
        assertThat(call("DELETE", "/api/timereport/locks?user=UAPI00004&month=2020-04", token, null).status()).isEqualTo(200);
        assertThat(call("DELETE", "/api/timereport/locks?user=UAPI00004&month=2020-04", token, null).status()).isEqualTo(404);
    }

    @Test
    void aRevokedTokenIsRefused() {
        String token = createToken("shortlived");
        assertThat(call("GET", "/api/timereport/users", token, null).status()).isEqualTo(200);
        assertThat(app.as(ADMIN).run("/timereport token revoke shortlived").text()).contains("revoked");
        assertThat(call("GET", "/api/timereport/users", token, null).status()).isEqualTo(401);
        assertThat(app.as(ADMIN).run("/timereport token revoke shortlived").text()).contains("There is no token named");
    }

    @Test
    void tokensAreForAdminsAndListedWithoutTheirSecret() {
        assertThat(app.as("UAPI00005").run("/timereport token create mine").text()).contains("needs role admin");
        String secret = createToken("listed");
        assertThat(app.as(ADMIN).run("/timereport token create listed").text()).contains("exists already");
        assertThat(app.as(ADMIN).run("/timereport token create no/slash").text()).contains("is not");
        String list = app.as(ADMIN).run("/timereport token list").text();
        assertThat(list).contains("`listed` created by <@UADMIN01>").doesNotContain(secret);
        String audit = app.as(ADMIN).run("/capstan audit --limit 50").text();
        assertThat(audit).doesNotContain(secret);
    }

    @Test
    void onlyTheHashOfATokenIsStored() {
        String secret = createToken("hashed");
        String stored = app.capstan().database().jdbi().withHandle(h -> h.createQuery(
                "select token_hash from timereport_tokens where name = 'hashed'").mapTo(String.class).one());
        assertThat(stored).isEqualTo(ApiTokens.hash(secret)).doesNotContain(secret);
    }

    @Test
    void locksAreListedForARangeOfMonthsAndForEveryoneWhenNoUserIsGiven() {
        String token = createToken("lockrange");
        for (String lock : new String[] {"UAPI00006:2019-12", "UAPI00006:2020-02", "UAPI00007:2020-01", "UAPI00007:2020-04"}) {
            String[] parts = lock.split(":");
            assertThat(call("POST", "/api/timereport/locks", token,
                    "{\"user_id\":\"" + parts[0] + "\",\"month\":\"" + parts[1] + "\"}").status()).isEqualTo(201);
        }
        assertThat(call("GET", "/api/timereport/locks?user=UAPI00006&from=2020-01&to=2020-03", token, null).body().toString())
                .isEqualTo("{\"locks\":[{\"user_id\":\"UAPI00006\",\"month\":\"2020-02\"}]}");
        String everyone = call("GET", "/api/timereport/locks?from=2020-01&to=2020-03", token, null).body().toString();
        assertThat(everyone).contains("{\"user_id\":\"UAPI00007\",\"month\":\"2020-01\"}")
                .contains("{\"user_id\":\"UAPI00006\",\"month\":\"2020-02\"}")
                .doesNotContain("2019-12").doesNotContain("2020-04");
        assertThat(call("GET", "/api/timereport/locks?year=2019", token, null).body().toString())
                .contains("{\"user_id\":\"UAPI00006\",\"month\":\"2019-12\"}").doesNotContain("UAPI00007");
        assertThat(call("GET", "/api/timereport/locks?from=2020-03&to=2020-01", token, null).status()).isEqualTo(400);
        assertThat(call("GET", "/api/timereport/locks?year=2020&from=2020-01&to=2020-03", token, null).status()).isEqualTo(400);
        assertThat(call("GET", "/api/timereport/locks?user=UAPI00006", token, null).status()).isEqualTo(400);
    }

    @Test
    void aMonthThatHasNotStartedCannotBeLockedThroughTheApiEither() {
        String token = createToken("future");
        ApiAnswer next = call("POST", "/api/timereport/locks", token, "{\"user_id\":\"UAPI00008\",\"month\":\"2020-06\"}");
        assertThat(next.status()).isEqualTo(400);
        assertThat(next.body().path("error").asText()).contains("June 2020 has not started yet");
        assertThat(call("GET", "/api/timereport/locks?user=UAPI00008&year=2020", token, null).body().path("locks")).isEmpty();
        assertThat(call("POST", "/api/timereport/locks", token, "{\"user_id\":\"UAPI00008\",\"month\":\"2020-05\"}").status())
                .isEqualTo(201);
    }

    @Test
    void entriesOfEveryoneAreListedWhenNoUserIsGiven() {
        addViaSlack("UAPI00009", "/timereport add vab 2020-03-02");
        addViaSlack("UAPI00010", "/timereport add sjuk 2020-03-03 4");
        String token = createToken("everyone");
        String body = call("GET", "/api/timereport/entries?from=2020-03-01&to=2020-03-31", token, null).body().toString();
        assertThat(body).contains("{\"user_id\":\"UAPI00009\",\"date\":\"2020-03-02\",\"reason\":\"vab\",\"hours\":8}")
                .contains("{\"user_id\":\"UAPI00010\",\"date\":\"2020-03-03\",\"reason\":\"sjuk\",\"hours\":4}");
    }

    @Test
    void deletingWithoutATokenIsRefusedWith401AndDeletesNothing() {
        addViaSlack("UAPI00011", "/timereport add vab 2020-03-04");
        ApiAnswer refused = call("DELETE", "/api/timereport/entries?user=UAPI00011&from=2020-03-01&to=2020-03-31", null, null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(call("DELETE", "/api/timereport/locks?user=UAPI00011&month=2020-03", null, null).status()).isEqualTo(401);
        assertThat(app.as("UAPI00011").run("/timereport list 2020-03").text()).contains("Wed 2020-03-04  vab  8 h");
    }

    @Test
    void datesMonthsAndYearsOutsideWhatAReportHoldsAreRefusedWith400SayingWhatIsAccepted() {
        String token = createToken("ranges");
        ApiAnswer farDay = call("POST", "/api/timereport/entries", token,
                "{\"user_id\":\"UAPI00009\",\"date\":\"+999999999-12-31\",\"reason\":\"vab\"}");
        assertThat(farDay.status()).isEqualTo(400);
        assertThat(farDay.body().path("error").asText()).contains("from 1900-01-01 to 9999-12-31");
        assertThat(call("GET", "/api/timereport/entries?from=1899-12-31&to=2020-01-01", token, null).status()).isEqualTo(400);
        assertThat(call("GET", "/api/timereport/locks?year=0999", token, null).status()).isEqualTo(400);
        assertThat(call("POST", "/api/timereport/locks", token, "{\"user_id\":\"UAPI00009\",\"month\":\"0000-01\"}").status())
                .isEqualTo(400);
        assertThat(call("GET", "/api/timereport/entries?from=2020-01-01&to=2020-01-31&user=U" + "1".repeat(40), token, null)
                .status()).isEqualTo(400);
    }
}
