package dev.capstan.features.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.Await;
import dev.capstan.support.FakeTarget;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlackUser;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Declared commands with an HTTP action, against a local target: the call, encoding, secrets, 202, long output, retries. */
@OnEveryDatabase
class HttpActionConversationsTest {
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

    @BeforeEach
    void personByDefault() {
        declared.target.answer(FakeTarget.Mode.PERSON);
    }

    private SlackUser alice() {
        return declared.app.as("U0ALICE001").in("CGENERAL").freshTriggers();
    }

    @Test
    void whoisCallsTheDirectoryAndShowsTheResultInOneMessage() {
        SlashReply ack = alice().run("/capstan whois ada-l");

        assertThat(ack.text()).contains("Running `whois`");
        assertThat(Declared.awaitMessage(declared.app.slack(), "whois ada-l` · <@U0ALICE001> · :white_check_mark: HTTP 200 in"))
                .contains("Ada Lovelace (core)");
        FakeTarget.Request request = declared.target.awaitPath("/api/users/ada-l");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/api/users/ada-l");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + Declared.TOKEN);
    }

    @Test
    void anArgumentFullOfUrlSyntaxStaysOnePathSegmentOneQueryValueAndOneFormField() {
        alice().run("/capstan note '../%2F?&\"x' --text 'a=b&c'");

        FakeTarget.Request request = declared.target.awaitPath("/items/..");
        assertThat(request.rawPath()).isEqualTo("/items/..%2F%252F%3F%26%22x/notes");
        assertThat(request.rawQuery()).isEqualTo("fixed=1&q=..%2F%252F%3F%26%22x");
        assertThat(request.body()).isEqualTo("item=..%2F%252F%3F%26%22x&text=a%3Db%26c");
        assertThat(request.header("X-Item")).isEqualTo("../%2F?&\"x");
    }

    @Test
    void aDotSegmentOrAnEmptyValueInThePathIsRefusedBeforeAnythingIsSent() {
        int before = declared.target.requests().size();

        assertThat(alice().run("/capstan note ..").text()).contains("`..` can't be a part of the URL's path");
        assertThat(alice().run("/capstan note ''").text()).contains("`item` can't be empty");
        assertThat(declared.target.requests()).hasSize(before);
    }

    @Test
    void aSecretEchoedBackInAnErrorIsMaskedInTheMessage() {
        declared.target.answer(FakeTarget.Mode.ECHO_HEADERS_IN_ERROR);
        alice().run("/capstan whois grace");

        String message = Declared.awaitMessage(declared.app.slack(), "answered 401");
        assertThat(message).contains("Bearer •••").doesNotContain(Declared.TOKEN);
        assertThat(declared.app.as(Declared.ADMIN).run("/capstan audit").text()).doesNotContain(Declared.TOKEN);
    }

    @Test
    void aDryRunShowsTheRequestWithTheSecretAsAPlaceholderAndSendsNothing() {
        int before = declared.target.requests().size();

        String text = alice().run("/capstan whois ada-l --dry-run").text();

        assertThat(text).contains("Dry run of `/capstan whois ada-l`", "nothing was sent", "The policy lets you run it here",
                "GET " + declared.target.url() + "/api/users/ada-l", "Authorization: Bearer [secret DIRECTORY_TOKEN]");
        assertThat(text).doesNotContain(Declared.TOKEN);
        assertThat(declared.target.requests()).hasSize(before);
    }

    @Test
    void a202IsFollowedToItsLocationUntilTheWorkIsDone() {
        declared.target.answer(FakeTarget.Mode.ACCEPTED_THEN_DONE);
        alice().run("/capstan note queued-item");

        Declared.awaitMessage(declared.app.slack(), "accepted; waiting for it to finish");
        assertThat(Declared.awaitMessage(declared.app.slack(), "job-7")).contains("HTTP 200");
        assertThat(declared.target.requests()).anyMatch(r -> r.rawPath().equals("/status/7")
                && ("Bearer " + Declared.TOKEN).equals(r.header("Authorization")));
    }

    @Test
    void aLongResultIsCutInTheMessageAndUploadedWhole() {
        declared.target.answer(FakeTarget.Mode.LONG_TEXT);
        alice().run("/capstan note long-one");

        assertThat(Declared.awaitMessage(declared.app.slack(), "Cut: showing the first 2,800 of")).contains("the whole result is in the file");
        Await.until(() -> declared.app.slack().uploads(), list -> list.stream().anyMatch(u -> u.body().contains("END")),
                Duration.ofSeconds(10), "the whole result uploaded");
    }

    @Test
    void slackDeliveringTheSameSlashCommandTwiceRunsItOnce() {
        SlackUser retried = declared.app.as("U0ALICE001").in("CGENERAL").trigger("4242.99.retried");
        int before = declared.target.requests().size();

        SlashReply first = retried.run("/capstan whois twice");
        SlashReply second = retried.run("/capstan whois twice");

        assertThat(second.text()).isEqualTo(first.text());
        Declared.awaitMessage(declared.app.slack(), "Ada Lovelace");
        Await.until(() -> declared.target.requests().size(), n -> n > before, Duration.ofSeconds(5), "the call");
        assertThat(declared.target.requests().stream().filter(r -> r.rawPath().equals("/api/users/twice")).count()).isEqualTo(1);
    }
}
