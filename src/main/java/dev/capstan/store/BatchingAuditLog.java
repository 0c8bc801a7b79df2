package dev.capstan.store;

import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditLog;
import dev.capstan.command.AuditQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the database write of an invocation's audit entry off the request's path: entries are written by one
 * background thread in batches. A full queue writes synchronously (backpressure, never loss); reads and shutdown
 * flush first, so this replica always reads its own entries.
 */
public final class BatchingAuditLog implements AuditLog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchingAuditLog.class);
    private static final int BATCH = 500;
    private static final Duration PAUSE = Duration.ofMillis(20);

    private final AuditStore store;
    private final BlockingQueue<AuditEntry> queue = new ArrayBlockingQueue<>(10_000);
    private final Object writing = new Object();
    private final Thread writer;
    private volatile boolean running = true;

    public BatchingAuditLog(AuditStore store) {
        this.store = store;
        this.writer = new Thread(this::writeLoop, "capstan-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public long record(AuditEntry entry) {
        return store.record(entry);
    }

    @Override
    public List<Long> recordAll(List<AuditEntry> entries) {
        return store.recordAll(entries);
    }

    @Override
    public void append(AuditEntry entry) {
        if (!queue.offer(entry)) {
            synchronized (writing) {
                flush();
                store.record(entry);
            }
        }
    }

    @Override
    public void complete(long id, String outcome, long durationMs) {
        store.complete(id, outcome, durationMs);
    }

    @Override
    public void completeAll(List<Outcome> outcomes) {
        store.completeAll(outcomes);
    }

    @Override
    public boolean completed(long id) {
        return store.completed(id);
    }

    @Override
    public List<AuditEntry> latest(AuditQuery query) {
        flush();
        return store.latest(query);
    }

    /** Writes everything queued so far, in order: all writes happen under one lock. */
    public void flush() {
        synchronized (writing) {
            List<AuditEntry> batch = new ArrayList<>();
            while (queue.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        }
    }

    private void writeLoop() {
        while (running) {
            LockSupport.parkNanos(PAUSE.toNanos());
            flush();
        }
    }

    private void write(List<AuditEntry> batch) {
        try {
            store.appendAll(batch);
        } catch (RuntimeException e) {
            log.error("Could not write {} audit entries; writing them one by one", batch.size(), e);
            for (AuditEntry entry : batch) {
                try {
                    store.record(entry);
                } catch (RuntimeException again) {
                    log.error("Lost the audit entry of {} at {}", entry.userId(), entry.at(), again);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(writer);
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
