package dev.capstan.features.brokenalpha;

import dev.capstan.features.brokenbeta.BetaHelper;

/** A family that breaks the layer rules on purpose: it reaches into another family. Only the architecture test reads it. */
public final class Alpha {
    public String borrowed() {
        return new BetaHelper().name();
    }
}
