package dev.capstan.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;

/**
 * Lets callers that each need a small transaction share one, so that under load many acks wait for one commit (on
 * PostgreSQL one WAL flush) instead of one each. Whoever finds the writer free writes every part waiting and wakes
 * their callers; a caller alone writes at once, with no thread or timer in between. A batch that fails is written
 * again part by part, so that each caller learns its own part's fate.
 */
final class GroupCommit<I, R> {
    /** Writes the parts in the open transaction and returns one result a part, in their order. */
    interface Writer<I, R> {
        List<R> write(List<I> parts);
    }

    private static final int MOST = 64;

    private final Jdbi jdbi;
    private final Writer<I, R> writer;
    private final ConcurrentLinkedQueue<Part<I, R>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    GroupCommit(Jdbi jdbi, Writer<I, R> writer) {
        this.jdbi = jdbi;
        this.writer = writer;
    }

    /** Returns the part's result once the transaction that holds it committed; throws when it could not be. */
    R commit(I item) {
        Part<I, R> mine = new Part<>(item);
        waiting.add(mine);
        writing.lock();
        try {
            while (!mine.done) writeWaiting();
        } finally {
            writing.unlock();
        }
        if (mine.failure != null) throw new IllegalStateException("Could not commit: " + mine.failure.getMessage(), mine.failure);
        return mine.result;
    }

    /** How many parts wait for the writer: for tests that line callers up. */
    int waiting() {
        return waiting.size();
    }

    /** Whether a caller is writing a batch now: for tests that line callers up. */
    boolean writing() {
        return writing.isLocked();
    }

    private void writeWaiting() {
        List<Part<I, R>> batch = new ArrayList<>();
        for (Part<I, R> next; batch.size() < MOST && (next = waiting.poll()) != null; ) batch.add(next);
        try {
            List<R> results = write(batch);
            for (int i = 0; i < batch.size(); i++) batch.get(i).succeeded(results.get(i));
        } catch (RuntimeException failed) {
            if (batch.size() == 1) {
                batch.get(0).failed(failed);
                return;
            }
            for (Part<I, R> part : batch) {
                try {
                    part.succeeded(write(List.of(part)).get(0));
                } catch (RuntimeException alone) {
                    part.failed(alone);
                }
            }
        } catch (Error fatal) {
            for (Part<I, R> part : batch) part.failed(fatal);
            throw fatal;
        }
    }

    private List<R> write(List<Part<I, R>> parts) {
        List<I> items = parts.stream().map(part -> part.item).toList();
        List<R> results = jdbi.inTransaction(h -> writer.write(items));
        if (results.size() != items.size()) throw new IllegalStateException(results.size() + " results for " + items.size() + " parts");
        return results;
    }

    /** One caller's part; read by its caller only after the writer that set it released the lock. */
    private static final class Part<I, R> {
        private final I item;
        private boolean done;
        private R result;
        private Throwable failure;

        Part(I item) {
            this.item = item;
        }

        void succeeded(R value) {
            result = value;
            done = true;
        }

        void failed(Throwable cause) {
            failure = cause;
            done = true;
        }
    }
}
