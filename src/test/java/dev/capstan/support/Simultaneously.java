package dev.capstan.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs the same request from several threads released at one instant by a latch, as a burst of identical clicks would arrive. */
public final class Simultaneously {
    private Simultaneously() {
    }

    /** Calls {@code request} with 0..n-1, all threads starting together, and returns the results in that order. */
    public static <T> List<T> run(int n, IntFunction<T> request) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(index);
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) results.add(future.get(60, TimeUnit.SECONDS));
            return results;
        } catch (Exception e) {
            throw new AssertionError("A simultaneous request failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
