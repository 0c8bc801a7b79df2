package dev.capstan.features.directory;

import static dev.capstan.features.directory.DirectoryFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.FakeGitHubRepos;
import dev.capstan.support.SlashReply;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * Rocket 2's {@code /rocket project …} commands as its command reference documents them: projects are GitHub repositories
 * the App can see, assigned to a team; leads of the team concerned and admins change them, and an assigned project is
 * taken or deleted only with {@code -f}. With {@code project_access: push} the assigned team gets push access on GitHub.
 */
class DirectoryProjectsTest extends DirectoryConversationOnEveryDatabase {
    private static final Pattern CREATED = Pattern.compile("Created project `(\\d+)`");
    private final FakeGitHubRepos repos = new FakeGitHubRepos();

    @Override
    String settings() {
        return "families:\n  directory:\n    project_access: push\n";
    }

    @BeforeParameterizedClassInvocation
    void repositories() {
        fx.github.extend(repos);
    }

    /** A repository the App can see, named after the test's team so that runs never meet. */
    private String repository(String team) {
        String name = "launchpad/site-" + team;
        repos.repository(name);
        return name;
    }

    private String create(String user, String line) {
        String reply = fx.slow(user, line);
        Matcher id = CREATED.matcher(reply);
        assertThat(id.find()).as(reply).isTrue();
        return id.group(1);
    }

    @Test
    void aTeamsLeadCreatesAProjectFromARepositoryUrlAndTheTeamGetsPushAccessOnGitHub() {
        String lead = fx.lead();
        String team = fx.team(lead);
        String repository = repository(team);
        String reply = fx.slow(lead, "/rocket project create https://github.com/" + repository + " " + team + " --name \"Launch Site\"");
        assertThat(reply).contains("(Launch Site) for `" + repository + "`, assigned to team `" + team + "`")
                .contains("Team `" + team + "` now has *push* access to `" + repository + "` on GitHub");
        String id = CREATED.matcher(reply).results().findFirst().orElseThrow().group(1);
        assertThat(fx.github.teamRepositories(team)).containsEntry(repository, "push");
        assertThat(fx.run(lead, "/rocket project list").text()).contains("`" + id + "` *Launch Site* `" + repository + "` (team `" + team + "`)");
        assertThat(fx.run(fx.person(), "/rocket project view " + id).text()).contains("Launch Site").contains(repository).contains("team " + team);
    }

    @Test
    void aRepositoryTheAppCannotSeeOrSomeoneWhoDoesNotLeadTheTeamIsRefusedAndNothingIsCreated() {
        String lead = fx.lead();
        String team = fx.team(lead);
        String otherLead = fx.lead();
        String repository = repository(team);
        assertThat(fx.slow(lead, "/rocket project create launchpad/no-such-" + team + " " + team))
                .contains("GitHub shows the App no repository `launchpad/no-such-" + team + "`").contains("Nothing was changed");
        assertThat(fx.slow(otherLead, "/rocket project create " + repository + " " + team))
                .contains("Only admins and leads of team `" + team + "` can create a project for it");
        assertThat(fx.slow(lead, "/rocket project create not/a/repo " + team)).contains("is not a GitHub repository");
        assertThat(fx.run(lead, "/rocket project list").text()).doesNotContain(repository);
        assertThat(fx.github.teamRepositories(team)).isEmpty();
    }

    @Test
    void aRepositoryNamedWithoutItsOwnerIsTheOrganisationsAndATeamThatHasAccessAlreadyKeepsIt() {
        String lead = fx.lead();
        String team = fx.team(lead);
        String repository = repository(team);
        fx.github.grant(team, repository, "admin");
        String reply = fx.slow(lead, "/rocket project create " + repository.substring("launchpad/".length()) + " " + team);
        assertThat(reply).contains("for `" + repository + "`").doesNotContain("now has");
        String id = CREATED.matcher(reply).results().findFirst().orElseThrow().group(1);
        assertThat(fx.slow(lead, "/rocket project unassign " + id)).contains("is no longer assigned to team `" + team + "`.");
        assertThat(fx.github.teamRepositories(team)).containsEntry(repository, "admin");
    }

    @Test
    void anAssignedProjectMovesToAnotherTeamOnlyWithDashFAndOnlyByThatTeamsLeadOrAnAdmin() {
        String leadA = fx.lead();
        String teamA = fx.team(leadA);
        String leadB = fx.lead();
        String teamB = fx.team(leadB);
        String repository = repository(teamA);
        String id = create(leadA, "/rocket project create " + repository + " " + teamA);
        assertThat(fx.slow(leadA, "/rocket project assign " + id + " " + teamB)).contains("Only admins and leads of team `" + teamB + "`");
        assertThat(fx.slow(leadB, "/rocket project assign " + id + " " + teamB))
                .contains("is assigned to team `" + teamA + "`. Add `-f` to assign it to `" + teamB + "` instead");
        assertThat(fx.slow(leadB, "/rocket project assign " + id + " " + teamB + " -f"))
                .contains("Assigned project `" + id + "`").contains("to team `" + teamB + "` (it was `" + teamA + "`'s)")
                .contains("now has *push* access");
        assertThat(fx.github.teamRepositories(teamA)).isEmpty();
        assertThat(fx.github.teamRepositories(teamB)).containsEntry(repository, "push");
        assertThat(fx.slow(ADMIN, "/rocket project assign " + id + " " + teamB)).contains("is already assigned to team `" + teamB + "`");
    }

    @Test
    void onlyTheAssignedTeamsLeadsAndAdminsUnassignEditOrDeleteAndAnAssignedProjectIsDeletedOnlyWithDashF() {
        String lead = fx.lead();
        String team = fx.team(lead);
        String member = fx.person();
        fx.slow(lead, "/capstan team add " + team + " " + member);
        String repository = repository(team);
        String id = create(lead, "/rocket project create " + repository + " " + team);
        assertThat(fx.slow(member, "/rocket project unassign " + id)).contains("Only admins and leads of team `" + team + "` can unassign it");
        assertThat(fx.run(member, "/rocket project edit " + id + " --name Mine").text()).contains("Only admins and leads of team");
        assertThat(fx.run(lead, "/rocket project edit " + id + " --name \"Launch Pad Site\"").text()).contains("is now *Launch Pad Site*");
        assertThat(fx.slow(lead, "/rocket project delete " + id))
                .contains("is assigned to team `" + team + "`. Unassign it first, or add `-f`").contains("Nothing was changed");
        assertThat(fx.slow(lead, "/rocket project unassign " + id)).contains("no longer assigned").contains("no longer has the access");
        assertThat(fx.github.teamRepositories(team)).isEmpty();
        assertThat(fx.slow(lead, "/rocket project unassign " + id)).contains("is assigned to no team; nothing was changed");
        assertThat(fx.slow(member, "/rocket project delete " + id)).contains("only team_leads and admins can delete it");
        assertThat(fx.slow(ADMIN, "/rocket project assign " + id + " " + team)).contains("Assigned project");
        assertThat(fx.slow(lead, "/rocket project delete " + id + " -f")).contains("Deleted project `" + id + "` (Launch Pad Site)");
        assertThat(fx.github.teamRepositories(team)).isEmpty();
        assertThat(fx.run(lead, "/rocket project view " + id).text()).contains("There is no project `" + id + "`");
    }

    @Test
    void deletingATeamLeavesItsProjectsUnassignedAndARenamedTeamKeepsThem() {
        String lead = fx.lead();
        String team = fx.team(lead);
        String id = create(lead, "/rocket project create " + repository(team) + " " + team);
        String renamed = team + "-x";
        assertThat(fx.slow(lead, "/capstan team edit " + team + " --github " + renamed)).contains("renamed from");
        assertThat(fx.run(lead, "/rocket project view " + id).text()).contains("team " + renamed);
        SlashReply confirm = fx.app.as(ADMIN).click(fx.run(ADMIN, "/capstan team delete " + renamed).button("Confirm"));
        assertThat(fx.awaitPost(confirm.responseUrl(), "Deleted team")).contains(renamed);
        assertThat(fx.run(lead, "/rocket project view " + id).text()).contains("no team");
        assertThat(fx.run(lead, "/rocket project list").text()).contains("`" + id + "` ").contains("(no team)");
    }

    @Test
    void projectHelpListsTheDocumentedSubcommandsAndAnUnknownIdSaysHowToFindOne() {
        assertThat(fx.run(ADMIN, "/rocket project help").text())
                .contains("list").contains("view").contains("create").contains("assign").contains("unassign").contains("edit").contains("delete");
        assertThat(fx.run(ADMIN, "/rocket project view nope").text()).contains("There is no project `nope`").contains("project list");
        assertThat(fx.run(ADMIN, "/rocket project create").text()).contains("GH_REPO").contains("GITHUB_TEAM_NAME");
    }
}
