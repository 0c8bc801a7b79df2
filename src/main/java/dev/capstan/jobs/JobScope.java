package dev.capstan.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The job run a worker thread is in, so that whatever it enqueues (a reply, a DM, another job) is keyed by that run and
 * by its place in it: a run repeated after a crash or a retry enqueues the same keys again, which are already claimed,
 * so none of it is sent twice. A job's run also knows its own row, so that it can save its progress there.
 */
final class JobScope {
    private static final ThreadLocal<JobScope> CURRENT = new ThreadLocal<>();
    private static final int MAX_KEY = 200;

    /** Work done inside a scope. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** The row a job runs from: where, under which name and id, at the version its pick gave it, with what it held. */
    record Row(String table, String taskName, String id, long version, JobEnvelope envelope) { }

    private final String name;
    private final Row row;
    private int enqueued;
    private volatile Supplier<JobEnvelope> saved;

    private JobScope(String name, Row row) {
        this.name = name;
        this.row = row;
    }

    /** A scope for running a job from its row. */
    static JobScope of(String name, Row row) {
        return new JobScope(name, row);
    }

    /** Runs {@code work} with {@code name} (e.g. "slow-command/ID/run-1") as this thread's scope. */
    static <T> T within(String name, Work<T> work) throws Exception {
        return within(new JobScope(name, null), work);
    }

    /** Runs {@code work} in {@code scope}. */
    static <T> T within(JobScope scope, Work<T> work) throws Exception {
        JobScope outer = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.run();
        } finally {
            if (outer == null) CURRENT.remove();
            else CURRENT.set(outer);
        }
    }

    /** Runs a schedule's work in the scope of its firing ("name/time"), so a firing run again queues nothing twice. */
    static void run(String name, Runnable work) {
        try {
            within(name, () -> {
                work.run();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scope of the job this thread runs, or null outside a job's run. */
    static JobScope current() {
        return CURRENT.get();
    }

    Row row() {
        return row;
    }

    /** What the run saved as its row's data and committed, or null: a retry or a give-up starts from it. */
    JobEnvelope saved() {
        return saved == null ? null : saved.get();
    }

    /** Built only if a retry or a give-up asks for it: the usual run completes without reading it back. */
    void saved(Supplier<JobEnvelope> envelope) {
        this.saved = envelope;
    }

    /** The key of the next job this run enqueues, or null outside a job run. */
    static String nextKey() {
        JobScope scope = CURRENT.get();
        if (scope == null) return null;
        String key = scope.name + "/" + scope.enqueued++;
        return key.length() <= MAX_KEY ? key : "sha256:" + sha256(scope.name) + "/" + (scope.enqueued - 1);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
