package dev.capstan.jobs;

import java.time.Duration;

/** How a run ended: done, or "run me again after {@code delay} with {@code data}" (a job that polls until something ends). */
public sealed interface JobResult<T> {
    /** Done; {@code recorded} when the job recorded its outcome where it belongs, so that the job log adds no entry of its own. */
    record Done<T>(boolean recorded) implements JobResult<T> { }

    record Again<T>(Duration delay, T data) implements JobResult<T> {
        public Again {
            if (delay == null || delay.isNegative()) throw new IllegalArgumentException("Again needs a delay of zero or more");
        }
    }

    static <T> JobResult<T> done() {
        return new Done<>(false);
    }

    /** Done, its outcome already recorded where people look for it (a slow command's audit entry): no second entry. */
    static <T> JobResult<T> doneRecorded() {
        return new Done<>(true);
    }

    static <T> JobResult<T> again(Duration delay, T data) {
        return new Again<>(delay, data);
    }
}
