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
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the file every few seconds on each replica and reloads when its content changed (a mounted ConfigMap is
 * replaced by a rename, which file-system events miss); a thread of its own, stopped when Capstan closes.
 *
 * <p>A file rewritten in place is seen truncated or half written for a moment, and such a prefix can be a valid,
 * smaller set of commands. So a new content is reloaded only once two looks in a row read the same bytes, and the
 * bytes read are the ones loaded (the file is not read a second time).
 */
final class FileWatcher {
    private static final Logger log = LoggerFactory.getLogger(FileWatcher.class);

    private final Path file;
    private final Duration every;
    private final Consumer<byte[]> onSettledChange;
    private ScheduledExecutorService timer;
    private byte[] loaded;
    private byte[] changing;

    FileWatcher(Path file, Duration every, Consumer<byte[]> onSettledChange) {
        this.file = file;
        this.every = every;
        this.onSettledChange = onSettledChange;
    }

    synchronized void start() {
        loaded = digest(read());
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

    /** One look: a content differing from the loaded one is remembered, and reloaded when the next look reads it again. */
    synchronized void look() {
        try {
            byte[] content = read();
            if (content == null) return;
            byte[] now = digest(content);
            if (Arrays.equals(now, loaded)) {
                changing = null;
            } else if (!Arrays.equals(now, changing)) {
                changing = now;
            } else {
                loaded = now;
                changing = null;
                onSettledChange.accept(content);
            }
        } catch (RuntimeException e) {
            log.warn("Reloading the declared commands after a change of the file failed", e);
        }
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] digest(byte[] content) {
        if (content == null) return null;
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
