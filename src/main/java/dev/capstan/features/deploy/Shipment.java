package dev.capstan.features.deploy;

import java.time.Instant;

/**
 * One ended deployment as the metrics see it: whether it succeeded, when it started and ended, the earlier deployment it
 * rolled back to (if it was a rollback), and what it brought out.
 */
record Shipment(long id, boolean succeeded, Instant startedAt, Instant finishedAt, Long rollbackTo, Change change) {

    /** What went out, from GitHub's compare with the previous success: its commits, nothing new, or not known (yet). */
    record Change(Kind kind, int commits, Instant firstCommitAt) {
        static final Change NOTHING_NEW = new Change(Kind.NONE, 0, null);
        static final Change NOT_FETCHED = new Change(Kind.PENDING, 0, null);
        static final Change UNKNOWN = new Change(Kind.UNKNOWN, 0, null);

        static Change commits(int commits, Instant firstCommitAt) {
            return new Change(Kind.COMMITS, commits, firstCommitAt);
        }
    }

    /** COMMITS: lead time is known; NONE: nothing new went out; UNKNOWN: GitHub could not compare; PENDING: not fetched yet. */
    enum Kind { COMMITS, NONE, UNKNOWN, PENDING }

    boolean rollback() {
        return rollbackTo != null;
    }
}
