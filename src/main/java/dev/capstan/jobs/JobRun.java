package dev.capstan.jobs;

import java.time.Instant;

/** One run of a job: its id (the idempotency key when it was enqueued with one), its data, and which attempt this is. */
public record JobRun<T>(String type, String id, T data, int attempt, Instant firstEnqueuedAt) {
}
