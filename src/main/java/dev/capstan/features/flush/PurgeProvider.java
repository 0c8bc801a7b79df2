package dev.capstan.features.flush;

import java.util.List;

/** One CDN's purge API behind one small adapter: how an order splits into calls, what each costs, and sending one. */
interface PurgeProvider {
    /** The calls that carry out the order, each within the CDN's per-call limits, numbered from 1. */
    List<PurgeCall> plan(Site site, PurgeOrder order);

    /** What the call takes from the shared rate budget. */
    List<RateBudget.Charge> charges(PurgeOrder order, PurgeCall call);

    /**
     * Sends one call and reads the answer. Throws {@code TransientFailure} when there was no answer or a 5xx (the job
     * tries again later) and {@code PermanentFailure} when it cannot be sent at all (credentials missing).
     */
    CallOutcome send(Site site, PurgeOrder order, PurgeCall call);

    /** Sends one call of this purge; a provider that tells the other end who asked (a team's flush service) overrides it. */
    default CallOutcome send(Site site, Purge purge, PurgeCall call) {
        return send(site, purge.order(), call);
    }
}
