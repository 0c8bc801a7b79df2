package dev.capstan.features.flush;

import java.util.Locale;

/** How hard a purge is: invalidate (mark stale, revalidate with the origin) or delete (remove outright). */
enum Mode {
    INVALIDATE, DELETE;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Mode parse(String text) {
        for (Mode mode : values()) {
            if (mode.id().equalsIgnoreCase(text == null ? "" : text.trim())) return mode;
        }
        return null;
    }
}
