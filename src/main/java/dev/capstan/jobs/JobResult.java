package dev.capstan.jobs;

import java.time.Duration;

/** How a run ended: done, or "run me again after {@code delay} with {@code data}" (a job that polls until something ends). */
public sealed interface JobResult<T> {
    record Done<T>() implements JobResult<T> { }

    record Again<T>(Duration delay, T data) implements JobResult<T> {
        public Again {
            if (delay == null || delay.isNegative()) throw new IllegalArgumentException("Again needs a delay of zero or more");
        }
    }

    static <T> JobResult<T> done() {
        return new Done<>();
    }

    static <T> JobResult<T> again(Duration delay, T data) {
        return new Again<>(delay, data);
    }
}
