package dev.capstan.features.directory;

import static dev.capstan.features.directory.DirectoryFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Values no directory command can store or find (a NUL, which PostgreSQL refuses; more than a column holds) get a reply
 * that says what is accepted, before anything is asked of GitHub; runs on H2 and on PostgreSQL.
 */
class DirectoryHostileInputTest extends DirectoryConversationOnEveryDatabase {

    @Test
    void aNulWhereATeamIsNamedIsAnsweredWithWhatATeamNameIs() {
        String member = fx.person();
        assertThat(fx.slow(ADMIN, "/capstan team add \0 <@" + member + ">"))
                .contains("There is no team named `\\u0000`: a team's name has at most 100 characters and no control characters");
        assertThat(fx.run(ADMIN, "/capstan team view " + "t".repeat(101)).text()).contains("at most 100 characters");
        assertThat(fx.run(ADMIN, "/capstan export emails --team \"a\0b\"").text()).contains("There is no team named `a\\u0000b`");
    }

    @Test
    void aTeamNamedWithANulIsAuditedAsInvalidInputAndGitHubIsNotAsked() {
        int before = fx.github.calls().size();
        assertThat(fx.slow(ADMIN, "/capstan team create \0")).contains("`\\u0000` cannot be a team name");
        assertThat(fx.slow(ADMIN, "/capstan team create \"a\0b\"")).contains("`a\\u0000b` cannot be a team name");
        assertThat(fx.github.calls().subList(before, fx.github.calls().size())).noneMatch(c -> c.method().equals("POST"));
        assertThat(fx.run(ADMIN, "/capstan audit --user " + ADMIN + " --command \"team create\" --limit 1").text())
                .contains("`/capstan team create \"a\\u0000b\"` → allowed · invalid: :warning: `a\\\\u0000b` cannot be a team name");
    }

    @Test
    void profileFieldsSayHowLongTheyMayBeAndThatControlCharactersAreNotTaken() {
        String me = fx.person();
        assertThat(fx.slow(me, "/capstan user edit --name \0")).contains("`--name` takes at most 200 characters on one line, "
                + "without control characters; nothing was changed.");
        assertThat(fx.slow(me, "/capstan user edit --pos " + "p".repeat(201))).contains("`--pos` takes at most 200 characters");
        assertThat(fx.slow(me, "/capstan user edit --major \"two\nlines\"")).contains("`--major` takes at most 200 characters on one line");
        assertThat(fx.slow(me, "/capstan user edit --bio \"a\0b\"")).contains("`--bio` takes at most 2000 characters, "
                + "without control characters other than line breaks and tabs");
        assertThat(fx.slow(me, "/capstan user edit --bio " + "b".repeat(2001))).contains("`--bio` takes at most 2000 characters");
        assertThat(fx.slow(me, "/capstan user edit --email \"a\0@example.com\"")).contains("`a\\u0000@example.com` is not an email address");
        assertThat(fx.slow(me, "/capstan user edit --email " + "e".repeat(310) + "@example.com")).contains("is not an email address (at most 320");
        assertThat(fx.run(me, "/capstan user view").text()).contains("Person " + me);
        assertThat(fx.slow(me, "/capstan user edit --bio \"line one\nline two\" --name " + "n".repeat(200)))
                .contains("Updated your profile: name, bio");
    }

    @Test
    void lookingSomeoneUpByAValueNobodyCanHaveSaysWhatIsAccepted() {
        String me = fx.person();
        assertThat(fx.run(me, "/capstan user view --email \0").text()).contains("`\\u0000` is not an email address");
        assertThat(fx.run(me, "/capstan user view --github \0").text()).contains("`\\u0000` is not a GitHub login");
        assertThat(fx.run(me, "/capstan user view --username U" + "1".repeat(40)).text()).contains("is not a Slack user");
        assertThat(fx.run(me, "/capstan karma view W" + "2".repeat(40)).text()).contains("is not a Slack user");
    }

    @Test
    void teamDetailsLongerThanTheirColumnAreRefusedBeforeGitHubIsAsked() {
        String lead = fx.lead();
        String team = fx.team(lead);
        String tooLong = "x".repeat(201);
        assertThat(fx.slow(lead, "/capstan team edit " + team + " --platform " + tooLong))
                .contains("`--platform` takes at most 200 characters on one line, without control characters; nothing was changed.");
        assertThat(fx.slow(lead, "/capstan team edit " + team + " --displayname \"a\0b\"")).contains("`--name` takes at most 200");
        assertThat(fx.slow(lead, "/capstan team edit " + team + " --folder " + tooLong)).contains("`--folder` takes at most 200");
        String name = "long-" + lead.toLowerCase();
        assertThat(fx.slow(lead, "/capstan team create " + name + " --displayname " + tooLong)).contains("`--name` takes at most 200");
        assertThat(fx.slow(lead, "/capstan team create " + name + " --channel \0")).contains("`--channel` takes a channel");
        assertThat(fx.github.teamNamed(name)).isNull();
        assertThat(fx.slow(lead, "/capstan team edit " + team + " --platform " + "y".repeat(200))).contains("Updated team");
    }
}
