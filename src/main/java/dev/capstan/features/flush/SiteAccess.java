package dev.capstan.features.flush;

import dev.capstan.command.AccessPolicy;
import dev.capstan.command.Caller;
import dev.capstan.command.Grant;
import dev.capstan.command.People;
import dev.capstan.command.Role;
import java.util.List;

/**
 * Who may flush which site: admins, anyone an access rule for {@code flush <site>} (or {@code flush}) lets in, and
 * the people of the allow-list CSV, unless a rule denies them (a deny always wins).
 */
final class SiteAccess {

    private final Sites sites;
    private final AccessPolicy policy;
    private final People people;
    private final AllowList allowed;

    SiteAccess(Sites sites, AccessPolicy policy, People people, AllowList allowed) {
        this.sites = sites;
        this.policy = policy;
        this.people = people;
        this.allowed = allowed;
    }

    /** A site is for admins and the allow-list's people unless the rules say otherwise: deny by default. */
    boolean mayUse(String userId, String channelId, Site site) {
        Grant grant = Grant.of(Role.ADMIN, allowed.contains(userId) ? List.of(userId) : List.of());
        return policy.allows(new Caller(userId, channelId, people.roleOf(userId)), site.guardedName(), grant);
    }

    /** The sites this person may flush from this channel, in configuration order. */
    List<Site> usable(String userId, String channelId) {
        return sites.all().stream().filter(site -> mayUse(userId, channelId, site)).toList();
    }
}
