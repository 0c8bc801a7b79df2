package dev.capstan.features.flush;

import java.time.Duration;
import java.util.List;

/**
 * What the CDN answered one purge call: accepted (with its purge ids and estimated seconds, and the targets it still
 * failed, when a flush service says it managed only some) or refused (with the status, the provider's detail and
 * support id); {@code retryAfter} is set when it asked us to slow down (429).
 */
record CallOutcome(boolean accepted, int httpStatus, String detail, String supportId, List<String> purgeIds,
                   Integer estimatedSeconds, Duration retryAfter, List<String> failedTargets) {
    private static final int DETAIL = 500;

    CallOutcome {
        purgeIds = purgeIds == null ? List.of() : List.copyOf(purgeIds);
        failedTargets = failedTargets == null ? List.of() : List.copyOf(failedTargets);
        detail = detail == null ? null : detail.length() > DETAIL ? detail.substring(0, DETAIL) + "…" : detail;
    }

    static CallOutcome accepted(int status, String detail, String supportId, List<String> purgeIds, Integer estimatedSeconds) {
        return new CallOutcome(true, status, detail, supportId, purgeIds, estimatedSeconds, null, List.of());
    }

    /** Accepted, but these of the call's targets failed (the detail says why). */
    static CallOutcome partly(int status, String detail, String supportId, List<String> purgeIds, Integer estimatedSeconds,
                              List<String> failedTargets) {
        return new CallOutcome(true, status, detail, supportId, purgeIds, estimatedSeconds, null, failedTargets);
    }

    static CallOutcome refused(int status, String detail, String supportId) {
        return new CallOutcome(false, status, detail, supportId, List.of(), null, null, List.of());
    }

    static CallOutcome rateLimited(int status, String detail, String supportId, Duration wait) {
        return new CallOutcome(false, status, detail, supportId, List.of(), null, wait, List.of());
    }

    boolean rateLimited() {
        return retryAfter != null;
    }
}
