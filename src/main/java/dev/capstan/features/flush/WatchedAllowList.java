package dev.capstan.features.flush;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The allow-list CSV on disk, read again when it changes (its modification time or size), at the next look: no restart.
 * A change that cannot be taken (unreadable, a bad line, an empty file, the file gone) is logged and audited once, and
 * the last good list stays.
 */
final class WatchedAllowList implements AllowList {
    /** What the file looked like when it was last read. */
    private record Stamp(long modified, long size) { }

    private final Path file;
    private final AllowListTrouble trouble;
    private volatile AllowedUsers current;
    private volatile Stamp seen;

    /** Reads the file now; throws IllegalArgumentException saying what is wrong with it (start-up stops). */
    WatchedAllowList(Path file, AllowListTrouble trouble) {
        this.file = file;
        this.trouble = trouble;
        this.seen = stamp();
        this.current = AllowedUsers.read(file);
    }

    @Override
    public boolean contains(String userId) {
        Stamp now = stamp();
        if (!Objects.equals(now, seen)) reread(now);
        return current.contains(userId);
    }

    private synchronized void reread(Stamp now) {
        if (Objects.equals(now, seen)) return;
        seen = now;
        try {
            current = AllowedUsers.reread(file);
            trouble.taken(file.getFileName().toString(), current.ids().size());
        } catch (IllegalArgumentException e) {
            trouble.refused(file.getFileName().toString(), e.getMessage(), current.ids().size());
        }
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size());
        } catch (IOException e) {
            return null;
        }
    }
}
