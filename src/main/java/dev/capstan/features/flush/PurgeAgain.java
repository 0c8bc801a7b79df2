package dev.capstan.features.flush;

import dev.capstan.command.Destination;
import dev.capstan.slack.Interactions.Click;
import dev.capstan.slack.Interactions.ClickHandler;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import java.util.Optional;

/**
 * "Purge again" on a result message: the same order again, for whoever clicks and may use the site. The result
 * message stays as it is; the clicker hears by DM. One purge per person and message, however often they click.
 */
final class PurgeAgain implements ClickHandler {
    private final Purges purges;
    private final Sites sites;
    private final SiteAccess access;
    private final PurgeStarter starter;
    private final Outbox outbox;

    PurgeAgain(Purges purges, Sites sites, SiteAccess access, PurgeStarter starter, Outbox outbox) {
        this.purges = purges;
        this.sites = sites;
        this.access = access;
        this.starter = starter;
        this.outbox = outbox;
    }

    @Override
    public Reply click(Click click) {
        outbox.send(new Destination.DirectMessage(click.userId()), Reply.text(again(click)));
        return null;
    }

    private String again(Click click) {
        Optional<Purge> purge = purges.find(click.value());
        if (purge.isEmpty()) return "That purge is no longer known; run `/flush` to start a new one.";
        PurgeOrder order = purge.get().order();
        Optional<Site> site = sites.find(order.site());
        if (site.isEmpty()) return "Site " + order.site() + " is no longer configured; nothing was purged.";
        if (order.kind().whole()) return "Purging everything again needs a confirmation: `/flush everything " + order.site() + "`.";
        if (!access.mayUse(click.userId(), click.channelId(), site.get())) {
            return "You may not flush site " + order.site() + "; ask an admin for access (your Slack member id is "
                    + click.userId() + "). Nothing was purged.";
        }
        String key = "again:" + purge.get().id() + ":" + click.userId() + ":" + click.messageTs();
        if (starter.start(key, order, click.userId(), null, null).isEmpty()) {
            return "You already asked to purge that again from this message; it is done once.";
        }
        return ":repeat: Purging again on " + site.get().label() + ": " + order.what() + ". The result follows here.";
    }
}
