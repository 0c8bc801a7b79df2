package dev.capstan.features.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the file every few seconds on each replica and reloads when its content changed (a mounted ConfigMap is
 * replaced by a rename, which file-system events miss); a thread of its own, stopped when Capstan closes.
 */
final class FileWatcher {
    private static final Logger log = LoggerFactory.getLogger(FileWatcher.class);

    private final Path file;
    private final Duration every;
    private final Runnable onChange;
    private ScheduledExecutorService timer;
    private byte[] seen;

    FileWatcher(Path file, Duration every, Runnable onChange) {
        this.file = file;
        this.every = every;
        this.onChange = onChange;
    }

    synchronized void start() {
        seen = digest();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "capstan-commands-watcher");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::look, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (timer != null) timer.shutdownNow();
    }

    private void look() {
        try {
            byte[] now = digest();
            if (now == null || Arrays.equals(now, seen)) return;
            seen = now;
            onChange.run();
        } catch (RuntimeException e) {
            log.warn("Reloading the declared commands after a change of the file failed", e);
        }
    }

    private byte[] digest() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
