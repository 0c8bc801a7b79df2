package dev.capstan.features.deploy;

import dev.capstan.jobs.JobResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A deadline job runs when Capstan's clock reaches its instant; should it find the instant still ahead all the same (the
 * clock was set back), it looks again after the remaining time or the recheck interval, whichever is shorter.
 */
final class Deadlines {
    private final Clock clock;
    private final Duration recheck;

    Deadlines(Clock clock, Duration recheck) {
        this.clock = clock;
        this.recheck = recheck;
    }

    /** Run again later with the same data when {@code due} has not come yet; empty when it has. */
    <T> Optional<JobResult<T>> notYet(Instant due, T data) {
        Instant now = clock.instant();
        if (!now.isBefore(due)) return Optional.empty();
        Duration left = Duration.between(now, due);
        return Optional.of(JobResult.again(left.compareTo(recheck) < 0 ? left : recheck, data));
    }

    Instant now() {
        return clock.instant();
    }
}
