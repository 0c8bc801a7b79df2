package dev.capstan.features.flush;

/** One shared token bucket: how many calls (or objects) it holds, and how many it gets back each second. */
record RateLimit(Double burst, Double perSecond) {
    RateLimit {
        if (burst == null || burst < 1) throw new IllegalArgumentException("burst must be 1 or more");
        if (perSecond == null || perSecond <= 0) throw new IllegalArgumentException("per_second must be above 0");
    }
}
