package dev.capstan.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** How long each phase of start-up took, logged as one line once Capstan is ready, so a slow start says where it went. */
final class StartupPhases {
    private final long launched = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final List<String> phases = new ArrayList<>();
    private long since = System.nanoTime();

    /** The first phase: from the JVM's launch to here (loading classes, reading the configuration). */
    StartupPhases() {
        phases.add("JVM and configuration " + (System.currentTimeMillis() - launched));
    }

    /** Ends the phase running since the previous mark (or since this was made) and names it. */
    void mark(String phase) {
        long now = System.nanoTime();
        phases.add(phase + " " + (now - since) / 1_000_000);
        since = now;
    }

    /** The line to log: milliseconds from the JVM's launch to ready, then each phase's milliseconds in order. */
    String summary() {
        return "Ready " + (System.currentTimeMillis() - launched) + " ms after the JVM started; phases in ms: " + String.join(", ", phases);
    }
}
