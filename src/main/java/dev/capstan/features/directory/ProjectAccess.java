package dev.capstan.features.directory;

import dev.capstan.command.CommandContext;
import dev.capstan.command.Role;
import dev.capstan.command.UserError;
import java.util.Optional;

/**
 * Who may change a project, and the GitHub access that goes with assigning it: with {@code project_access} set, the
 * assigned team gets that permission on the repository unless it has access already, and loses only what Capstan gave.
 */
final class ProjectAccess {
    private final Teams teams;
    private final GitHubAccess github;
    private final Permissions permissions;
    private final Optional<String> permission;

    ProjectAccess(Teams teams, GitHubAccess github, Permissions permissions, Optional<String> permission) {
        this.teams = teams;
        this.github = github;
        this.permissions = permissions;
        this.permission = permission;
    }

    /** Leads of the project's team and admins; a project no team holds, team_leads and admins. */
    void requireManager(CommandContext ctx, Project project, String doing) {
        Optional<Team> team = Optional.ofNullable(project.teamName()).flatMap(teams::find);
        if (team.isPresent()) {
            permissions.requireTeamManager(ctx, team.get(), doing);
        } else if (!ctx.role().atLeast(Role.TEAM_LEAD)) {
            throw new UserError(":no_entry: Project " + project.label() + " is assigned to no team, so only team_leads and admins "
                    + "can " + doing + "; you are a *" + ctx.role().label() + "*. Nothing was changed.");
        }
    }

    /** Gives the team access to the repository on GitHub unless it has some; true when Capstan gave it. */
    boolean give(Team team, String repository) {
        if (permission.isEmpty() || team.githubId() == null || !github.configured()) return false;
        OrgGitHub org = github.require("project");
        if (org.teamHasRepository(team.slug(), repository)) return false;
        org.grantRepository(team.slug(), repository, permission.get());
        return true;
    }

    /** Takes back the access Capstan gave the project's team, if it gave any. */
    void takeBack(Project project) {
        if (!project.accessGranted() || !github.configured() || project.teamName() == null) return;
        teams.find(project.teamName()).filter(team -> team.githubId() != null)
                .ifPresent(team -> github.require("project").revokeRepository(team.slug(), project.repository()));
    }

    /** The sentence a reply adds about GitHub access, when Capstan changed some. */
    String gave(boolean granted, Team team, String repository) {
        return granted ? " Team `" + team.name() + "` now has *" + permission.orElse("") + "* access to `" + repository + "` on GitHub." : "";
    }
}
