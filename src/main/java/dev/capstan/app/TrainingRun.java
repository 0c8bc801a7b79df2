package dev.capstan.app;

import dev.capstan.jobs.JobSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts the playground on a throwaway H2 database, asks it once whether it is ready, types one command on its page
 * and reads the page's state, and stops: what the build runs under {@code -XX:ArchiveClassesAtExit} so that the
 * class-data-sharing archive holds every class start-up and a first command load. Run in the project's folder, it
 * also leaves the playground's pretend GitHub key in {@code ./data}, so that the README's first start makes none.
 */
final class TrainingRun {
    /** A seeded playground admin and channel, as a newcomer's first command on the playground's page comes. */
    private static final String PERSON = "UADMIN001";
    private static final String CHANNEL = "CDEV";
    private static final String FIRST_COMMAND = "{\"user\":\"" + PERSON + "\",\"channel\":\"" + CHANNEL + "\",\"text\":\"/capstan help\"}";

    private TrainingRun() {
    }

    /** Returns once Capstan started (every family, every migration on a fresh database), answered /readyz 200, ran a command and stopped. */
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
                int port = running.capstan().port();
                expect(200, "GET", port, "/readyz", null);
                expect(200, "POST", port, "/playground/command", FIRST_COMMAND);
                expect(200, "GET", port, "/playground/state?user=" + PERSON + "&channel=" + CHANNEL, null);
            }
        } finally {
            delete(folder);
        }
    }

    /** Sends one request ({@code json} as the body when not null) and fails unless it is answered {@code status}. */
    private static void expect(int status, String method, int port, String path, String json) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            connection.setRequestMethod(method);
            if (json != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                try (OutputStream body = connection.getOutputStream()) {
                    body.write(json.getBytes(StandardCharsets.UTF_8));
                }
            }
            try (InputStream body = connection.getInputStream()) {
                body.readAllBytes();
            }
            if (connection.getResponseCode() != status) {
                throw new IllegalStateException(method + " " + path + " answered " + connection.getResponseCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
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
