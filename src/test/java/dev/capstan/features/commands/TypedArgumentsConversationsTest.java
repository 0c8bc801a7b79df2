package dev.capstan.features.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlackUser;
import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Every argument type of a declared command: what it accepts, how it lands in a JSON body, and each refusal with usage. */
@OnEveryDatabase
class TypedArgumentsConversationsTest {
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

    private SlackUser bob() {
        return declared.app.as("U0BOB00001").in("CGENERAL").freshTriggers();
    }

    @Test
    void everyTypeArrivesTypedInTheJsonBody() throws Exception {
        String ack = bob().run("/capstan typed hello 5 --size LARGE --force --day 2026-03-31 --who <@U0CAROL001|carol> "
                + "--where <#C0OPS00001|ops>").text();

        assertThat(ack).isEqualTo("Storing hello…");
        String body = declared.target.awaitPath("/typed/hello").body();
        assertThat(new ObjectMapper().readTree(body)).isEqualTo(new ObjectMapper().readTree("""
                {"word":"hello","count":5,"force":true,"size":"large","day":"2026-03-31","who":"U0CAROL001","where":"C0OPS00001"}"""));
    }

    @Test
    void defaultsFillWhatWasNotGiven() throws Exception {
        bob().run("/capstan typed defaults");

        String body = declared.target.awaitPath("/typed/defaults").body();
        assertThat(new ObjectMapper().readTree(body).path("count").asInt()).isEqualTo(3);
        assertThat(new ObjectMapper().readTree(body).path("size").asText()).isEqualTo("small");
        assertThat(new ObjectMapper().readTree(body).path("force").asBoolean()).isFalse();
        assertThat(new ObjectMapper().readTree(body).path("day").isNull()).isTrue();
    }

    @Test
    void eachBadValueGetsTheUsageAndWhatWasWrong() {
        assertThat(bob().run("/capstan typed Hello").text()).contains("`Hello` is not a valid word: it must match ^[a-z]+$", "Usage:");
        assertThat(bob().run("/capstan typed a").text()).contains("word needs at least 2 characters");
        assertThat(bob().run("/capstan typed abcdefghi").text()).contains("word takes at most 8 characters");
        assertThat(bob().run("/capstan typed fine 11").text()).contains("count must be from 1 to 10, not 11");
        assertThat(bob().run("/capstan typed fine x").text()).contains("count must be a whole number, not `x`");
        assertThat(bob().run("/capstan typed fine --size larg").text()).contains("`larg` is not a size: choose one of small, large.",
                "Did you mean `large`?");
        assertThat(bob().run("/capstan typed fine --day 31/03/2026").text()).contains("day must be a date like 2026-03-31");
        assertThat(bob().run("/capstan typed fine --who bob").text()).contains("who must be a Slack user");
        assertThat(bob().run("/capstan typed fine --where general").text()).contains("where must be a Slack channel");
        assertThat(bob().run("/capstan typed").text()).contains("Missing required parameter: '<word>'", "Usage:");
        assertThat(bob().run("/capstan typed fine 2 --colour").text()).contains("--colour", "Usage:");
        assertThat(declared.target.requests()).noneMatch(r -> r.rawPath().startsWith("/typed/fine"));
    }

    @Test
    void helpShowsGeneratedUsageWithTypesAllowedValuesAndDefaults() {
        String help = bob().run("/capstan help typed").text();
        String dashH = bob().run("/capstan typed -h").text();

        assertThat(help).isEqualTo(dashH);
        assertThat(help).contains("Usage: /capstan typed", "<word>", "Text, from 2 to 8 characters, matching ^[a-z]+$.",
                "A whole number, from 1 to 10 (default: 3).", "One of small, large (default: small).", "--force", "--dry-run",
                "A date (YYYY-MM-DD or today)", "A Slack user (@someone).");
        assertThat(bob().run("/capstan help").text()).contains("`/capstan typed` — Every type of argument", "`/capstan whoami`")
                .doesNotContain("restart");
    }
}
