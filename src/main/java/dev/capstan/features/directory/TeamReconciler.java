package dev.capstan.features.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brings the directory's GitHub-backed teams in line with what GitHub lists: GitHub is the source of truth, so
 * people who left a GitHub team leave ours and are never re-added. Teams that exist only here are left alone.
 */
final class TeamReconciler {
    private final Profiles profiles;
    private final Teams teams;
    private final RoleSync roles;

    TeamReconciler(Profiles profiles, Teams teams, RoleSync roles) {
        this.profiles = profiles;
        this.teams = teams;
        this.roles = roles;
    }

    /** What a refresh changed, as lines for the reply. */
    record Report(List<String> changes, int unknownAccounts) { }

    Report apply(List<GitHubTeam> remote) {
        List<String> changes = new ArrayList<>();
        Set<String> unknown = new HashSet<>();
        Set<Long> seen = new HashSet<>();
        for (GitHubTeam gitHubTeam : remote) {
            seen.add(gitHubTeam.id());
            Team team = localTeam(gitHubTeam, changes);
            Map<String, Boolean> wanted = new HashMap<>();
            for (GitHubTeam.Member member : gitHubTeam.members()) {
                Optional<Profile> profile = person(member);
                if (profile.isEmpty()) unknown.add(member.login().toLowerCase());
                profile.ifPresent(p -> wanted.put(p.userId(), member.maintainer()));
            }
            syncMembers(team, wanted, changes);
        }
        for (Team team : teams.all()) {
            if (team.githubId() != null && !seen.contains(team.githubId())) {
                List<Membership> members = teams.members(team.name());
                teams.delete(team.name());
                members.forEach(m -> roles.left(team.name(), m.userId()));
                changes.add("deleted `" + team.name() + "` (gone from GitHub)");
            }
        }
        return new Report(changes, unknown.size());
    }

    private Team localTeam(GitHubTeam remote, List<String> changes) {
        Optional<Team> byId = teams.byGithubId(remote.id());
        if (byId.isPresent()) {
            Team team = byId.get();
            if (team.name().equals(remote.name())) return team;
            Team renamed = new Team(remote.name(), team.displayName(), team.platform(), team.folder(), team.githubId());
            teams.update(team.name(), renamed);
            changes.add("renamed `" + team.name() + "` to `" + remote.name() + "`");
            return renamed;
        }
        Optional<Team> byName = teams.find(remote.name());
        if (byName.isPresent()) {
            Team team = byName.get();
            Team linked = new Team(team.name(), team.displayName(), team.platform(), team.folder(), remote.id());
            teams.update(team.name(), linked);
            changes.add("linked `" + team.name() + "` to its GitHub team");
            return linked;
        }
        Team created = new Team(remote.name(), null, null, null, remote.id());
        teams.create(created, null);
        changes.add("added `" + remote.name() + "` from GitHub");
        return created;
    }

    private void syncMembers(Team team, Map<String, Boolean> wanted, List<String> changes) {
        Map<String, Boolean> current = new HashMap<>();
        teams.members(team.name()).forEach(m -> current.put(m.userId(), m.lead()));
        wanted.forEach((userId, lead) -> {
            Boolean was = current.get(userId);
            if (was == null) {
                teams.addMember(team.name(), userId, lead);
                roles.joined(team.name(), userId);
                changes.add("<@" + userId + "> joined `" + team.name() + "`" + (lead ? " as lead" : ""));
            } else if (was != lead) {
                if (lead) teams.addMember(team.name(), userId, true);
                else teams.removeLead(team.name(), userId);
                changes.add("<@" + userId + "> " + (lead ? "now leads" : "no longer leads") + " `" + team.name() + "`");
            }
        });
        current.keySet().stream().filter(userId -> !wanted.containsKey(userId)).forEach(userId -> {
            teams.removeMember(team.name(), userId);
            roles.left(team.name(), userId);
            changes.add("<@" + userId + "> left `" + team.name() + "`");
        });
    }

    private Optional<Profile> person(GitHubTeam.Member member) {
        Optional<Profile> byId = profiles.byGithubId(member.id());
        if (byId.isPresent()) return byId;
        return profiles.byGithub(member.login());
    }
}
