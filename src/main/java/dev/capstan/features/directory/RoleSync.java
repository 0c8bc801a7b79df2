package dev.capstan.features.directory;

import dev.capstan.command.Role;
import dev.capstan.store.PeopleStore;

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

    void joined(String teamName, String userId) {
        Role current = people.roleOf(userId);
        if (is(settings.adminsTeam(), teamName) && current != Role.ADMIN) people.setRole(userId, Role.ADMIN);
        if (is(settings.leadsTeam(), teamName) && current == Role.MEMBER) people.setRole(userId, Role.TEAM_LEAD);
    }

    void left(String teamName, String userId) {
        Role current = people.roleOf(userId);
        boolean stillLead = settings.leadsTeam() != null && teams.isMember(settings.leadsTeam(), userId);
        if (is(settings.adminsTeam(), teamName) && current == Role.ADMIN) {
            people.setRole(userId, stillLead ? Role.TEAM_LEAD : Role.MEMBER);
        }
        if (is(settings.leadsTeam(), teamName) && current == Role.TEAM_LEAD) people.setRole(userId, Role.MEMBER);
    }

    private static boolean is(String configured, String teamName) {
        return configured != null && Team.keyOf(configured).equals(Team.keyOf(teamName));
    }
}
