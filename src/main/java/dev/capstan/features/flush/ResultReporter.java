package dev.capstan.features.flush;

import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.Reply;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells everyone how a purge ended, once: the requester by DM and the site's audit channel (durably, in the same
 * transaction that marks the purge finished; failures too), and the modal if it is still open.
 */
final class ResultReporter {
    private static final Logger log = LoggerFactory.getLogger(ResultReporter.class);

    private final Jdbi jdbi;
    private final Purges purges;
    private final Outbox outbox;
    private final ModalResult modal;
    private final Clock clock;

    ResultReporter(Jdbi jdbi, Purges purges, Outbox outbox, ModalResult modal, Clock clock) {
        this.jdbi = jdbi;
        this.purges = purges;
        this.outbox = outbox;
        this.modal = modal;
        this.clock = clock;
    }

    /** Reports the purge's recorded calls against its plan; {@code site} is null when it is no longer configured. */
    void report(Purge purge, Site site, List<PurgeCall> plan) {
        PurgeReport report = new PurgeReport(purge, site == null ? purge.order().site() : site.label(), plan, purges.calls(purge.id()));
        boolean first = jdbi.inTransaction(h -> {
            if (!purges.finish(purge.id(), report.outcome(), clock.instant())) return false;
            Reply reply = report.reply();
            outbox.send(new Destination.DirectMessage(purge.requestedBy()), reply);
            if (site != null && site.settings().auditChannelId() != null) {
                outbox.send(new Destination.Channel(site.settings().auditChannelId()), reply);
            }
            return true;
        });
        log.info("Purge {} on {} by {}: {}", purge.id(), purge.order().site(), purge.requestedBy(), report.outcome());
        if (first && purge.viewId() != null) modal.show(purge, FlushViews.result(report));
    }
}
