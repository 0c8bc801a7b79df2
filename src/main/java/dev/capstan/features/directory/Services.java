package dev.capstan.features.directory;

import dev.capstan.command.UserError;
import dev.capstan.slack.SlackWebApi;
import dev.capstan.store.PeopleStore;
import java.util.Optional;

/** Everything the directory's commands share, handed to each fresh command instance. */
record Services(Profiles profiles, Teams teams, Karma karma, PeopleStore people, GitHubAccess github,
                TeamMembers members, Permissions permissions, SlackWebApi slack, Projects projects, ProjectAccess projectAccess,
                DefaultTeam defaultTeam) {

    Team team(String name) {
        if (!InputChecks.couldBeTeamName(name)) {
            throw new UserError(":warning: There is no team named `" + InputChecks.visible(name) + "`: a team's name has at most "
                    + InputChecks.TEAM_NAME + " characters and no control characters. `/capstan team list` shows every team.");
        }
        return teams.find(name).orElseThrow(() -> new UserError(":warning: There is no team named `"
                + name + "`. `/capstan team list` shows every team."));
    }

    Project project(String id) {
        Optional<Project> found = id.matches("\\d{1,18}") ? projects.find(Long.parseLong(id)) : Optional.empty();
        return found.orElseThrow(() -> new UserError(":warning: There is no project `" + InputChecks.visible(id)
                + "`. `/capstan project list` shows every project with its id."));
    }
}
