package dev.capstan.features.directory;

import dev.capstan.command.Role;
import dev.capstan.store.PeopleStore;
import java.util.Optional;

/** Membership of the configured leads and admins teams grants the team_lead and admin roles, and leaving takes them back. */
final class RoleSync {
    private final PeopleStore people;
    private final Teams teams;
    private final DirectorySettings settings;

    RoleSync(PeopleStore people, Teams teams, DirectorySettings settings) {
        this.people = people;
        this.teams = teams;
        this.settings = settings;
    }

    /** A role that joining or leaving a team gave or took back, so that the reply can say so. */
    record Change(String userId, String teamName, Role from, Role to) {
        String sentence() {
            return to.atLeast(from)
                    ? " <@" + userId + ">'s role is now *" + to.label() + "*, which members of `" + teamName + "` get."
                    : " <@" + userId + ">'s role is back to *" + to.label() + "*: *" + from.label() + "* came with `" + teamName + "`.";
        }
    }

    /** The role joining gives, if it changed one. */
    Optional<Change> joined(String teamName, String userId) {
        Role current = people.roleOf(userId);
        if (is(settings.adminsTeam(), teamName) && current != Role.ADMIN) return set(userId, teamName, current, Role.ADMIN);
        if (is(settings.leadsTeam(), teamName) && current == Role.MEMBER) return set(userId, teamName, current, Role.TEAM_LEAD);
        return Optional.empty();
    }

    /** The role leaving takes back, if it changed one. */
    Optional<Change> left(String teamName, String userId) {
        Role current = people.roleOf(userId);
        boolean stillLead = settings.leadsTeam() != null && teams.isMember(settings.leadsTeam(), userId);
        if (is(settings.adminsTeam(), teamName) && current == Role.ADMIN) {
            return set(userId, teamName, current, stillLead ? Role.TEAM_LEAD : Role.MEMBER);
        }
        if (is(settings.leadsTeam(), teamName) && current == Role.TEAM_LEAD) return set(userId, teamName, current, Role.MEMBER);
        return Optional.empty();
    }

    private Optional<Change> set(String userId, String teamName, Role from, Role to) {
        people.setRole(userId, to);
        return Optional.of(new Change(userId, teamName, from, to));
    }

    private static boolean is(String configured, String teamName) {
        return configured != null && Team.keyOf(configured).equals(Team.keyOf(teamName));
    }
}
