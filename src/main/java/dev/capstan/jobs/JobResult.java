package dev.capstan.jobs;

import java.time.Duration;

/** How a run ended: done, or "run me again after {@code delay} with {@code data}" (a job that polls until something ends). */
public sealed interface JobResult<T> {
    /** Done; {@code recording}, when not null, writes the job's outcome where it belongs, in the transaction that removes the job. */
    record Done<T>(Runnable recording) implements JobResult<T> { }

    record Again<T>(Duration delay, T data) implements JobResult<T> {
        public Again {
            if (delay == null || delay.isNegative()) throw new IllegalArgumentException("Again needs a delay of zero or more");
        }
    }

    static <T> JobResult<T> done() {
        return new Done<>(null);
    }

    /**
     * Done, with the job's outcome written by {@code recording} in the transaction that removes the job (so that a job
     * run again finds either both or neither), in place of the job log's own entry.
     */
    static <T> JobResult<T> doneRecording(Runnable recording) {
        return new Done<>(recording);
    }

    static <T> JobResult<T> again(Duration delay, T data) {
        return new Again<>(delay, data);
    }
}
