package dev.capstan.jobs;

import java.time.Instant;

/**
 * One run of a job: its id (the idempotency key when it was enqueued with one), its data, which attempt this is, and
 * whether this is the first time its row was picked (no run of it came before, not even one whose replica died, so
 * nothing it would send can have been sent yet).
 */
public record JobRun<T>(String type, String id, T data, int attempt, Instant firstEnqueuedAt, boolean firstPick) {
}
