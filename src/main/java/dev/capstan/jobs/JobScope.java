package dev.capstan.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The job run a worker thread is in, so that whatever it enqueues (a reply, a DM, another job) is keyed by that run and
 * by its place in it: a run repeated after a crash or a retry enqueues the same keys again, which are already claimed,
 * so none of it is sent twice.
 */
final class JobScope {
    private static final ThreadLocal<JobScope> CURRENT = new ThreadLocal<>();
    private static final int MAX_KEY = 200;

    /** Work done inside a scope. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    private final String name;
    private int enqueued;

    private JobScope(String name) {
        this.name = name;
    }

    /** Runs {@code work} with {@code name} (e.g. "slow-command/ID/run-1") as this thread's scope. */
    static <T> T within(String name, Work<T> work) throws Exception {
        JobScope outer = CURRENT.get();
        CURRENT.set(new JobScope(name));
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
