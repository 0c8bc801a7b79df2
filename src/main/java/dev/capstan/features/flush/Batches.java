package dev.capstan.features.flush;

import java.util.ArrayList;
import java.util.List;

/** Splits targets into calls of at most so many, numbered on from those already planned. */
final class Batches {
    private Batches() {
    }

    static List<PurgeCall> of(List<String> targets, int most, String scope, int numberedAfter) {
        List<PurgeCall> calls = new ArrayList<>();
        for (int from = 0; from < targets.size(); from += most) {
            calls.add(new PurgeCall(numberedAfter + calls.size() + 1, scope, targets.subList(from, Math.min(targets.size(), from + most))));
        }
        return calls;
    }
}
