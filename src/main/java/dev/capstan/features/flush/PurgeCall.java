package dev.capstan.features.flush;

import java.util.List;

/** One call to a CDN within a purge: its number in the plan, the scope it goes to (a Fastly service) and its targets. */
record PurgeCall(int number, String scope, List<String> targets) {
    PurgeCall {
        targets = List.copyOf(targets);
    }
}
