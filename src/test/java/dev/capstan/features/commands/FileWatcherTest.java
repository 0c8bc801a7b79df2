package dev.capstan.features.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file rewritten in place, looked at in the middle of the rewrite: only the whole new content is reloaded. */
class FileWatcherTest {
    private static final String OLD = "commands:\n  - name: whois\n";
    private static final String NEW = "commands:\n  - name: lookup\n  - name: whois\n";

    @Test
    void aHalfWrittenFileIsNotReloadedAndTheWholeOneIsReloadedOnceItReadsTheSameTwice() throws Exception {
        Path file = Files.createTempFile("capstan-commands", ".yaml");
        List<String> reloaded = new ArrayList<>();
        FileWatcher watcher = new FileWatcher(file, Duration.ofHours(1), content -> reloaded.add(new String(content, StandardCharsets.UTF_8)));
        try {
            Files.writeString(file, OLD);
            watcher.start();

            Files.writeString(file, "");
            watcher.look();
            Files.writeString(file, "commands:\n");
            watcher.look();
            assertThat(reloaded).as("a truncated or half written file is a valid, smaller set: not loaded").isEmpty();

            Files.writeString(file, NEW);
            watcher.look();
            assertThat(reloaded).as("the whole content seen once").isEmpty();
            watcher.look();
            assertThat(reloaded).containsExactly(NEW);

            watcher.look();
            assertThat(reloaded).as("the same content is not reloaded again").containsExactly(NEW);
        } finally {
            watcher.stop();
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aRewriteBackToTheLoadedContentReloadsNothing() throws Exception {
        Path file = Files.createTempFile("capstan-commands", ".yaml");
        List<String> reloaded = new ArrayList<>();
        FileWatcher watcher = new FileWatcher(file, Duration.ofHours(1), content -> reloaded.add(new String(content, StandardCharsets.UTF_8)));
        try {
            Files.writeString(file, OLD);
            watcher.start();

            Files.writeString(file, "");
            watcher.look();
            Files.writeString(file, OLD);
            watcher.look();
            watcher.look();

            assertThat(reloaded).isEmpty();
        } finally {
            watcher.stop();
            Files.deleteIfExists(file);
        }
    }
}
