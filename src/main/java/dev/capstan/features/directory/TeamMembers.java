package dev.capstan.features.directory;

import dev.capstan.command.UserError;
import java.util.List;
import java.util.Optional;

/** Changes who is in a team: GitHub first, and only when GitHub agreed, the directory and the roles that follow. */
final class TeamMembers {
    private final Profiles profiles;
    private final Teams teams;
    private final GitHubAccess github;
    private final RoleSync roles;

    TeamMembers(Profiles profiles, Teams teams, GitHubAccess github, RoleSync roles) {
        this.profiles = profiles;
        this.teams = teams;
        this.github = github;
        this.roles = roles;
    }

    /** Adds someone as member, or as lead (and member) when {@code lead}; returns the role that came with it, if any. */
    Optional<RoleSync.Change> add(Team team, String userId, boolean lead) {
        Profile profile = registered(userId);
        if (onGitHub(team)) {
            github.require("team").addToTeam(team.slug(), loginOf(profile), lead);
        }
        teams.addMember(team.name(), userId, lead);
        return roles.joined(team.name(), userId);
    }

    /** Takes someone out of a team; returns the role that went with it, if any. */
    Optional<RoleSync.Change> remove(Team team, String userId) {
        if (!teams.isMember(team.name(), userId)) {
            throw new UserError(":warning: <@" + userId + "> is not in team `" + team.name() + "`; nothing was changed.");
        }
        Profile profile = registered(userId);
        if (onGitHub(team) && profile.githubLogin() != null) {
            github.require("team").removeFromTeam(team.slug(), profile.githubLogin());
        }
        teams.removeMember(team.name(), userId);
        return roles.left(team.name(), userId);
    }

    /** Stops someone leading; on GitHub they go from maintainer back to member. */
    void removeLead(Team team, String userId) {
        if (!teams.isLead(team.name(), userId)) {
            throw new UserError(":warning: <@" + userId + "> does not lead team `" + team.name() + "`; nothing was changed.");
        }
        Profile profile = registered(userId);
        if (onGitHub(team) && profile.githubLogin() != null) {
            github.require("team").addToTeam(team.slug(), profile.githubLogin(), false);
        }
        teams.removeLead(team.name(), userId);
    }

    /** Applies what joining means for roles, for someone already recorded as a member (a new team's lead). */
    void joined(Team team, String userId) {
        roles.joined(team.name(), userId);
    }

    /** Someone's memberships ended all at once (their profile was deleted): roles the teams gave are taken back. */
    void leftAll(String userId, List<Membership> memberships) {
        memberships.forEach(m -> roles.left(m.teamName(), userId));
    }

    boolean onGitHub(Team team) {
        return github.configured() && team.githubId() != null;
    }

    Profile registered(String userId) {
        return profiles.find(userId).orElseThrow(() -> new UserError(":warning: <@" + userId
                + "> is not registered in the directory; they can run `/capstan user add`. Nothing was changed."));
    }

    static String loginOf(Profile profile) {
        if (profile.githubLogin() == null) {
            throw new UserError(":warning: <@" + profile.userId() + "> has no GitHub login linked, so GitHub cannot add them; "
                    + "they can run `/capstan user edit --github LOGIN`. Nothing was changed.");
        }
        return profile.githubLogin();
    }
}
