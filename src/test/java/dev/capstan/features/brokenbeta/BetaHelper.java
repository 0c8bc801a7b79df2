package dev.capstan.features.brokenbeta;

/** A public class that is not its family's entry class, on purpose. Only the architecture test reads it. */
public final class BetaHelper {
    public String name() {
        return "beta";
    }
}
