package dev.capstan.features.flush;

import static dev.capstan.features.flush.TargetType.CPCODE;
import static dev.capstan.features.flush.TargetType.EVERYTHING;
import static dev.capstan.features.flush.TargetType.HOST;
import static dev.capstan.features.flush.TargetType.PREFIX;
import static dev.capstan.features.flush.TargetType.TAG;
import static dev.capstan.features.flush.TargetType.URL;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The CDNs a site can be on (or a team's own flush service, {@code http}), what each one's purge API can do, and what its modes mean there. */
enum Cdn {
    AKAMAI("Akamai", EnumSet.of(URL, TAG, CPCODE), EnumSet.allOf(Mode.class),
            "Akamai marks the content stale; the next request revalidates it with your origin (If-Modified-Since).",
            "Akamai removes the content; the next request fetches it from your origin. For content that must go (legal, "
                    + "compliance); more load on the origin."),
    FASTLY("Fastly", EnumSet.of(URL, TAG, EVERYTHING), EnumSet.allOf(Mode.class),
            "Soft purge: Fastly marks the content stale; it may still be served stale while it revalidates or if your "
                    + "origin fails.",
            "Hard purge: Fastly removes the content at once; the next request goes to your origin."),
    CLOUDFLARE("Cloudflare", EnumSet.of(URL, TAG, HOST, PREFIX, EVERYTHING), EnumSet.of(Mode.DELETE),
            "Cloudflare has no soft purge.",
            "Cloudflare removes the content; the next request is a cache miss and goes to your origin."),
    HTTP("your flush service", EnumSet.allOf(TargetType.class), EnumSet.allOf(Mode.class),
            "Your flush service is asked to invalidate (mode \"invalidate\"); what that means is up to it.",
            "Your flush service is asked to delete (mode \"delete\"); what that means is up to it."),
    FAKE("Pretend CDN", EnumSet.allOf(TargetType.class), EnumSet.allOf(Mode.class),
            "The pretend CDN records the request; nothing is purged anywhere.",
            "The pretend CDN records the request; nothing is purged anywhere.");

    private final String label;
    private final Set<TargetType> kinds;
    private final Set<Mode> modes;
    private final String invalidate;
    private final String delete;

    Cdn(String label, Set<TargetType> kinds, Set<Mode> modes, String invalidate, String delete) {
        this.label = label;
        this.kinds = kinds;
        this.modes = modes;
        this.invalidate = invalidate;
        this.delete = delete;
    }

    String label() {
        return label;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    Set<TargetType> kinds() {
        return kinds;
    }

    Set<Mode> modes() {
        return modes;
    }

    /** What the mode does on this CDN, in a sentence for the form. */
    String meaning(Mode mode) {
        return mode == Mode.INVALIDATE ? invalidate : delete;
    }

    /** Why this CDN refuses the kind, or null when it has it. */
    String lacks(TargetType kind) {
        if (kinds.contains(kind)) return null;
        return label + " cannot purge " + kind.plural() + "; it purges " + String.join(", ", kinds.stream().map(TargetType::id).toList()) + ".";
    }
}
