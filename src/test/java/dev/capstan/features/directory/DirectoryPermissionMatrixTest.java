package dev.capstan.features.directory;

import static dev.capstan.features.directory.DirectoryFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.SlashReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may run which directory command: a member, a lead of another team, a lead of this team and an admin each try
 * every guarded command on a fresh team (TEAM) with a member who is also a lead (TARGET).
 */
class DirectoryPermissionMatrixTest extends DirectoryConversation {
    private static final String TEAM_MANAGERS = "Only admins and leads of team";
    private static final String ROLE_REFUSED = "You can't run";
    String member;
    String otherLead;

    @BeforeAll
    void registerPeople() {
        member = fx.person();
        otherLead = fx.lead();
        fx.team(otherLead);
    }

    /** Who tries the command. */
    enum Actor { MEMBER, LEAD_OF_ANOTHER_TEAM, LEAD_OF_THIS_TEAM, ADMIN }

    /** A guarded command, what it says when allowed, and the least actor allowed: team leads or admins only. */
    private record Rule(String line, String allowedReply, boolean leadsOfThisTeamMay, String refusal) { }

    private static final List<Rule> RULES = List.of(
            new Rule("team remove TEAM TARGET", "Removed <@TARGET>", true, TEAM_MANAGERS),
            new Rule("team lead TEAM MEMBER", "now leads team", true, TEAM_MANAGERS),
            new Rule("team lead TEAM TARGET --remove", "no longer leads team", true, TEAM_MANAGERS),
            new Rule("team edit TEAM --platform Elixir", "Updated team", true, TEAM_MANAGERS),
            new Rule("team delete TEAM", "Delete team `TEAM`", true, TEAM_MANAGERS),
            new Rule("team refresh", "GitHub teams", false, ROLE_REFUSED),
            new Rule("karma set TARGET 3", "now has 3 karma", false, ROLE_REFUSED),
            new Rule("karma reset --all", "Karma reset to 0 for everyone", false, ROLE_REFUSED),
            new Rule("user delete TARGET", "Deleted <@TARGET>'s profile", false, ROLE_REFUSED));

    static Stream<Arguments> everyCommandForEveryActor() {
        List<Arguments> rows = new ArrayList<>();
        for (Rule rule : RULES) {
            for (Actor actor : Actor.values()) {
                boolean allowed = actor == Actor.ADMIN || (actor == Actor.LEAD_OF_THIS_TEAM && rule.leadsOfThisTeamMay());
                rows.add(Arguments.of(rule.line(), actor, allowed ? "may" : "may not", rule));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "`{0}`: a {1} {2} run it")
    @MethodSource("everyCommandForEveryActor")
    void eachActorMayRunOnlyWhatTheirRoleAllows(String line, Actor actor, String verdict, Rule rule) {
        String thisLead = fx.lead();
        String target = fx.person();
        String team = fx.team(thisLead);
        assertThat(fx.slow(thisLead, "/capstan team lead " + team + " " + target)).contains("now leads team");
        String caller = switch (actor) {
            case MEMBER -> member;
            case LEAD_OF_ANOTHER_TEAM -> otherLead;
            case LEAD_OF_THIS_TEAM -> thisLead;
            case ADMIN -> ADMIN;
        };
        String command = "/capstan " + fill(line, Map.of("TEAM", team, "TARGET", target, "MEMBER", line.contains("MEMBER") ? fx.person() : ""));
        String reply = say(caller, command);
        if (verdict.equals("may")) {
            assertThat(reply).contains(fill(rule.allowedReply(), Map.of("TEAM", team, "TARGET", target)));
        } else {
            assertThat(reply).contains(rule.refusal()).doesNotContain(fill(rule.allowedReply(), Map.of("TEAM", team, "TARGET", target)));
            assertThat(fx.run(ADMIN, "/capstan team view " + team).text()).contains("*Members (2):*").contains("*Leads:* <@");
        }
    }

    /** What a command finally said: the immediate reply, or for a slow command the post that follows "Working on…". */
    private String say(String user, String line) {
        SlashReply ack = fx.run(user, line);
        if (!ack.text().contains("Working on")) return ack.text();
        return fx.app.slack().awaitPosts(ack.responseUrl(), 1).get(0).allText();
    }

    private static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) text = text.replace(value.getKey(), value.getValue());
        return text;
    }
}
