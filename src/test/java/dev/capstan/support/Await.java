package dev.capstan.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds, for what Capstan does in background jobs. */
public final class Await {
    private Await() {
    }

    public static <T> T until(Supplier<T> value, Predicate<T> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T current = value.get();
        while (!condition.test(current)) {
            if (System.nanoTime() > deadline) throw new AssertionError("Timed out waiting for " + what + "; last seen: " + current);
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what);
            }
            current = value.get();
        }
        return current;
    }
}
