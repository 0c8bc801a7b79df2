package dev.capstan.features.flush;

import java.util.List;

/** What to purge: on which site, which kind of targets, how hard, and the targets themselves (checked, deduplicated). */
record PurgeOrder(String site, TargetType kind, Mode mode, List<String> targets) {
    PurgeOrder {
        targets = List.copyOf(targets);
    }

    /** "3 URLs", "everything", "2 CP codes". */
    String what() {
        return kind == TargetType.EVERYTHING ? "everything" : kind.count(targets.size());
    }
}
