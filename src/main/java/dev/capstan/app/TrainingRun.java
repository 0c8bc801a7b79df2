package dev.capstan.app;

import dev.capstan.jobs.JobSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts the playground on a throwaway H2 database, asks it once whether it is ready, and stops: what the build runs
 * under {@code -XX:ArchiveClassesAtExit} so that the class-data-sharing archive holds every class start-up loads.
 */
final class TrainingRun {
    private TrainingRun() {
    }

    /** Returns once Capstan started (every family, every migration on a fresh database), answered /readyz 200 and stopped. */
    static void run() {
        Path folder;
        try {
            folder = Files.createTempDirectory("capstan-training");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Map<String, String> env = Map.of("PORT", "0", "DATABASE_URL", "jdbc:h2:file:" + folder.resolve("playground"));
            try (Launcher.Running running = Launcher.start(env, Main.features(), Clock.systemUTC(), JobSettings.defaults())) {
                int status = readyStatus(running.capstan().port());
                if (status != 200) throw new IllegalStateException("/readyz answered " + status + " after start-up");
            }
        } finally {
            delete(folder);
        }
    }

    private static int readyStatus(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/readyz").toURL().openConnection();
            try (InputStream body = connection.getInputStream()) {
                body.readAllBytes();
                return connection.getResponseCode();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
