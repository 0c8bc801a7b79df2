package dev.capstan.support;

/**
 * The resource lock of the classes that keep both cores busy (the browser, the fuzz test) and of the class that times
 * Capstan's acks against the 3-second budget: they never run beside each other, while every other class may run beside
 * either, as it must under any load.
 */
public final class BothCores {
    public static final String LOCK = "both cores";

    private BothCores() {
    }
}
