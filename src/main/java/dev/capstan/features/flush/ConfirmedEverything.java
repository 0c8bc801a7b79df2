package dev.capstan.features.flush;

import dev.capstan.command.CommandContext;
import dev.capstan.command.ConfirmedAction;
import dev.capstan.command.Reply;
import java.util.Optional;
import java.util.UUID;

/** Runs a confirmed whole-site purge, checking again that its owner is still an admin who may use the site. */
final class ConfirmedEverything implements ConfirmedAction<PurgeOrder> {
    static final String KIND = "flush.everything";

    private final Sites sites;
    private final SiteAccess access;
    private final PurgeStarter starter;

    ConfirmedEverything(Sites sites, SiteAccess access, PurgeStarter starter) {
        this.sites = sites;
        this.access = access;
        this.starter = starter;
    }

    @Override
    public Reply run(CommandContext ctx, PurgeOrder order) {
        Optional<Site> site = sites.find(order.site());
        if (site.isEmpty()) return Reply.text("Site " + order.site() + " is no longer configured; nothing was purged.");
        if (!ctx.isAdmin() || !access.mayUse(ctx.userId(), ctx.caller().channelId(), site.get())) {
            return Reply.text("You may no longer purge everything of site " + order.site() + " (admins only); nothing was purged.");
        }
        starter.start("everything:" + UUID.randomUUID(), order, ctx.userId(), null, null);
        String audit = site.get().settings().auditChannelId();
        return Reply.text(":hourglass_flowing_sand: Purging everything of site " + site.get().label() + "… The result comes by DM"
                + (audit == null ? "." : " and in <#" + audit + ">."));
    }
}
