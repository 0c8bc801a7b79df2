package dev.capstan.features.flush;

import dev.capstan.command.AccessPolicy;
import dev.capstan.command.Caller;
import dev.capstan.command.CommandTraits;
import dev.capstan.command.People;
import dev.capstan.command.Role;
import java.util.List;

/**
 * Who may flush which site: admins, anyone an access rule for {@code flush <site>} (or {@code flush}) lets in, and
 * the people of the allow-list CSV, unless a rule denies them (a deny always wins).
 */
final class SiteAccess {
    /** A site is for admins unless the rules or the CSV say otherwise: deny by default. */
    private static final CommandTraits LEAST = new CommandTraits(Role.ADMIN, true);

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

    boolean mayUse(String userId, String channelId, Site site) {
        if (policy.allows(new Caller(userId, channelId, people.roleOf(userId)), site.guardedName(), LEAST)) return true;
        return allowed.contains(userId) && policy.allows(new Caller(userId, channelId, Role.ADMIN), site.guardedName(), LEAST);
    }

    /** The sites this person may flush from this channel, in configuration order. */
    List<Site> usable(String userId, String channelId) {
        return sites.all().stream().filter(site -> mayUse(userId, channelId, site)).toList();
    }
}
