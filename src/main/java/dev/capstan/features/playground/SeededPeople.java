package dev.capstan.features.playground;

import dev.capstan.command.EventSubscriptions;
import dev.capstan.command.Role;
import dev.capstan.command.WorkspaceEvent;
import dev.capstan.store.GitHubIdentities;
import dev.capstan.store.PeopleStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The playground's four people, ready for the first command a newcomer types: their roles, their place in the pretend
 * Slack workspace, a {@code team_join} as Slack sends when someone joins (so whichever family registers newcomers
 * does), and, with the pretend GitHub, their pretend logins linked as one GitHub identity each.
 */
final class SeededPeople {
    /** One seeded person; {@code login} is their account on the pretend GitHub. */
    record Seed(String id, String name, Role role, String login) { }

    static final List<Seed> ALL = List.of(
            new Seed("UADMIN001", "Ada Admin", Role.ADMIN, "ada"),
            new Seed("ULEAD0001", "Leo Lead", Role.TEAM_LEAD, "leo"),
            new Seed("UMEMBER01", "Mia Member", Role.MEMBER, "mia"),
            new Seed("UMEMBER02", "Max Member", Role.MEMBER, "max"));

    private final Workspace workspace;
    private final PeopleStore roles;
    private final GitHubIdentities identities;
    private final Function<String, List<EventSubscriptions.Handler>> events;
    private final Jdbi jdbi;

    SeededPeople(Workspace workspace, PeopleStore roles, GitHubIdentities identities, Function<String, List<EventSubscriptions.Handler>> events, Jdbi jdbi) {
        this.workspace = workspace;
        this.roles = roles;
        this.identities = identities;
        this.events = events;
        this.jdbi = jdbi;
    }

    /**
     * Puts everyone in the pretend workspace, in memory only, so that its Web API knows their addresses before any
     * family's work at start asks (the commands file naming people by address); {@link #seed} does the rest.
     */
    void enterWorkspace() {
        for (Seed seed : ALL) {
            workspace.addPerson(person(seed));
            workspace.joinEverywhere(seed.id());
        }
    }

    /**
     * Seeds everyone; a person already linked (a playground started before on the same database) joins only the
     * workspace. The link comes first, so the welcome the join sends names it.
     */
    void seed(boolean pretendGitHub) {
        for (Seed seed : ALL) {
            add(seed.id(), seed.name(), seed.role());
            workspace.joinEverywhere(seed.id());
            if (identities.find(seed.id()).isPresent()) continue;
            if (pretendGitHub) identities.link(seed.id(), seed.login(), PretendOrg.userId(seed.login()), false);
            join(seed);
        }
    }

    /** Someone added on the page: a role and a place in the workspace, as a person Slack has just told Capstan about. */
    void add(String id, String name, Role role) {
        roles.setRole(id, role);
        workspace.addPerson(new Workspace.Person(id, name, role.label()));
    }

    private static Workspace.Person person(Seed seed) {
        return new Workspace.Person(seed.id(), seed.name(), seed.role().label());
    }

    /** Slack's team_join for {@code seed}, handled as the Events API handles it: every subscriber, in one transaction. */
    private void join(Seed seed) {
        Map<String, Object> user = Map.of("id", seed.id(), "real_name", seed.name(), "profile",
                Map.of("real_name", seed.name(), "email", person(seed).email()));
        WorkspaceEvent event = new WorkspaceEvent("team_join", "playground-join-" + seed.id().toLowerCase(Locale.ROOT), "TPLAYGROUND",
                Map.of("type", "team_join", "user", user));
        jdbi.useTransaction(h -> {
            for (EventSubscriptions.Handler handler : events.apply("team_join")) {
                try {
                    handler.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("Could not register " + seed.name() + " in the playground", e);
                }
            }
        });
    }
}
