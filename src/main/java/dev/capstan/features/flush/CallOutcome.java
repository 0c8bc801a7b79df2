package dev.capstan.features.flush;

import java.time.Duration;
import java.util.List;

/**
 * What the CDN answered one purge call: accepted (with its purge ids and estimated seconds) or refused (with the
 * status, the provider's detail and support id); {@code retryAfter} is set when it asked us to slow down (429).
 */
record CallOutcome(boolean accepted, int httpStatus, String detail, String supportId, List<String> purgeIds,
                   Integer estimatedSeconds, Duration retryAfter) {
    private static final int DETAIL = 500;

    CallOutcome {
        purgeIds = purgeIds == null ? List.of() : List.copyOf(purgeIds);
        detail = detail == null ? null : detail.length() > DETAIL ? detail.substring(0, DETAIL) + "…" : detail;
    }

    static CallOutcome accepted(int status, String detail, String supportId, List<String> purgeIds, Integer estimatedSeconds) {
        return new CallOutcome(true, status, detail, supportId, purgeIds, estimatedSeconds, null);
    }

    static CallOutcome refused(int status, String detail, String supportId) {
        return new CallOutcome(false, status, detail, supportId, List.of(), null, null);
    }

    static CallOutcome rateLimited(int status, String detail, String supportId, Duration wait) {
        return new CallOutcome(false, status, detail, supportId, List.of(), null, wait);
    }

    boolean rateLimited() {
        return retryAfter != null;
    }
}
